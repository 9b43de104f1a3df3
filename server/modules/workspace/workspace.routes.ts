import { UpdateWorkspaceBody, WorkspaceResponse } from "../../../shared/contracts/workspace";
import { defineRoute } from "../../http/define-route";
import { getWorkspace, updateWorkspaceSettings } from "./workspace.service";

const tags = ["Workspace"];

export const workspaceRoutes = [
  defineRoute({
    method: "get",
    path: "/workspace",
    summary: "Get workspace settings",
    tags,
    access: { kind: "staff", permission: "workspace.read" },
    responses: { 200: WorkspaceResponse },
    handler: async ({ app, actor }) => ({ data: await getWorkspace(app, actor) }),
  }),
  defineRoute({
    method: "patch",
    path: "/workspace",
    summary: "Update workspace settings",
    tags,
    access: { kind: "staff", permission: "workspace.update" },
    request: { body: UpdateWorkspaceBody },
    responses: { 200: WorkspaceResponse },
    handler: async ({ app, actor, input }) => ({ data: await updateWorkspaceSettings(app, actor, input.body) }),
  }),
];
