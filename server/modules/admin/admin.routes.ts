import {
  IntegrationHealthResponse,
  JobsOverviewResponse,
  ListOutboxQuery,
  OutboxListResponse,
  RetryJobParams,
  SystemStatusResponse,
} from "../../../shared/contracts/admin";
import { OkResponse } from "../../../shared/contracts/common";
import { defineRoute } from "../../http/define-route";
import { recordAudit } from "../audit/audit.service";
import { integrationHealth } from "../../integrations";
import { listOutboxMessages, systemStatus } from "./admin.service";

const tags = ["Admin"];

export const adminRoutes = [
  defineRoute({
    method: "get",
    path: "/admin/jobs",
    summary: "Job queues (deployment-wide counts) and this workspace's recent failures",
    tags,
    access: { kind: "staff", permission: "admin.jobs" },
    responses: { 200: JobsOverviewResponse },
    handler: ({ app, actor }) => app.jobs.overview({ workspaceId: actor.workspaceId }),
  }),
  defineRoute({
    method: "post",
    path: "/admin/jobs/:queue/:id/retry",
    summary: "Retry a failed or dead-lettered job",
    tags,
    access: { kind: "staff", permission: "admin.jobs" },
    request: { params: RetryJobParams },
    responses: { 200: OkResponse, 404: null },
    handler: async ({ app, actor, input }) => {
      await app.jobs.retry(input.params.queue, input.params.id, { workspaceId: actor.workspaceId });
      await recordAudit(app.database.db, {
        workspaceId: actor.workspaceId,
        actorId: actor.id,
        action: "job.retried",
        entityType: "job",
        entityId: input.params.id,
        changes: { queue: input.params.queue },
      });
      return { ok: true };
    },
  }),
  defineRoute({
    method: "get",
    path: "/admin/outbox",
    summary: "Outgoing email (captured when SMTP is not configured)",
    tags,
    access: { kind: "staff", permission: "admin.outbox" },
    request: { query: ListOutboxQuery },
    responses: { 200: OutboxListResponse },
    handler: ({ app, actor, input }) => listOutboxMessages(app, actor, input.query),
  }),
  defineRoute({
    method: "get",
    path: "/admin/system",
    summary: "Integrations, circuit breakers, database, cache and jobs",
    tags,
    access: { kind: "staff", permission: "admin.system" },
    responses: { 200: SystemStatusResponse },
    handler: ({ app }) => systemStatus(app),
  }),
  defineRoute({
    method: "post",
    path: "/admin/system/integration-checks",
    summary: "Run a live health check against every configured integration (through its circuit breaker)",
    tags,
    access: { kind: "staff", permission: "admin.system" },
    responses: { 200: IntegrationHealthResponse },
    handler: async ({ app }) => ({ data: await integrationHealth(app.integrations) }),
  }),
];
