import { AuditLogListResponse, ListAuditQuery } from "../../../shared/contracts/audit";
import { defineRoute } from "../../http/define-route";
import { listAuditLog } from "./audit.service";

export const auditRoutes = [
  defineRoute({
    method: "get",
    path: "/audit-log",
    summary: "List the workspace audit log (newest first)",
    tags: ["Audit log"],
    access: { kind: "staff", permission: "audit.read" },
    request: { query: ListAuditQuery },
    responses: { 200: AuditLogListResponse },
    handler: ({ app, actor, input }) => listAuditLog(app, actor, input.query),
  }),
];
