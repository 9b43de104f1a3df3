import type { ListAuditQuery } from "@shared/contracts/audit";

export type AuditListParams = Partial<Omit<ListAuditQuery, "cursor">>;

export const auditKeys = {
  all: ["audit"] as const,
  lists: () => [...auditKeys.all, "list"] as const,
  list: (params: AuditListParams) => [...auditKeys.lists(), params] as const,
  recent: (params: AuditListParams) => [...auditKeys.lists(), "recent", params] as const,
};
