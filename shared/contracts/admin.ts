import { z } from "zod";

export const JobQueueDto = z
  .object({
    name: z.string(),
    queued: z.number().int(),
    active: z.number().int(),
    completed: z.number().int(),
    failed: z.number().int(),
    deadLetter: z.string().nullable(),
  })
  .meta({ id: "JobQueueDto" });

export const FailedJobDto = z
  .object({
    id: z.string(),
    queue: z.string(),
    state: z.string(),
    retryCount: z.number().int(),
    createdOn: z.iso.datetime(),
    completedOn: z.iso.datetime().nullable(),
    error: z.string().nullable(),
    data: z.unknown(),
  })
  .meta({ id: "FailedJobDto" });
export type FailedJobDto = z.infer<typeof FailedJobDto>;

export const JobsOverviewResponse = z
  .object({ queues: z.array(JobQueueDto), failed: z.array(FailedJobDto), runnerStarted: z.boolean() })
  .meta({ id: "JobsOverviewResponse" });
export type JobsOverviewResponse = z.infer<typeof JobsOverviewResponse>;

export const RetryJobParams = z.strictObject({ queue: z.string().min(1).max(100), id: z.uuid() }).meta({ id: "RetryJobParams" });

export const OutboxMessageDto = z
  .object({
    id: z.uuid(),
    to: z.string(),
    subject: z.string(),
    text: z.string(),
    html: z.string().nullable(),
    template: z.string().nullable(),
    status: z.enum(["captured", "sent", "failed"]),
    error: z.string().nullable(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: "OutboxMessageDto" });
export type OutboxMessageDto = z.infer<typeof OutboxMessageDto>;

export const ListOutboxQuery = z
  .strictObject({
    to: z.string().max(254).optional(),
    cursor: z.string().max(512).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  })
  .meta({ id: "ListOutboxQuery" });

export const OutboxListResponse = z
  .object({ data: z.array(OutboxMessageDto), meta: z.object({ nextCursor: z.string().nullable() }) })
  .meta({ id: "OutboxListResponse" });

export const BreakerDto = z
  .object({
    provider: z.string(),
    state: z.enum(["closed", "open", "half_open", "isolated"]),
    failures: z.number().int(),
    successes: z.number().int(),
    rejections: z.number().int(),
    lastFailureAt: z.iso.datetime().nullable(),
  })
  .meta({ id: "BreakerDto" });
export type BreakerDto = z.infer<typeof BreakerDto>;

export const IntegrationStatusDto = z
  .object({
    provider: z.string(),
    label: z.string(),
    configured: z.boolean(),
    detail: z.string().describe("Non-secret description, e.g. the host in use"),
  })
  .meta({ id: "IntegrationStatusDto" });
export type IntegrationStatusDto = z.infer<typeof IntegrationStatusDto>;

export const SystemStatusResponse = z
  .object({
    version: z.string(),
    nodeVersion: z.string(),
    uptimeSeconds: z.number(),
    database: z.object({ ok: z.boolean(), migrations: z.number().int(), poolTotal: z.number().int(), poolIdle: z.number().int(), poolWaiting: z.number().int() }),
    cache: z.object({ backend: z.enum(["memory", "redis"]) }),
    jobs: z.object({ running: z.boolean() }),
    integrations: z.array(IntegrationStatusDto),
    breakers: z.array(BreakerDto),
  })
  .meta({ id: "SystemStatusResponse" });
export type SystemStatusResponse = z.infer<typeof SystemStatusResponse>;

export const IntegrationHealthResponse = z
  .object({
    data: z.array(z.object({ provider: z.string(), ok: z.boolean(), detail: z.string().describe("Outcome of a cheap live call, or 'not configured'") })),
  })
  .meta({ id: "IntegrationHealthResponse" });
export type IntegrationHealthResponse = z.infer<typeof IntegrationHealthResponse>;
