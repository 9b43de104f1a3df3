import type { OutboxMessageDto, SystemStatusResponse } from "../../../shared/contracts/admin";
import type { AppContext } from "../../app-context";
import type { Actor } from "../../auth/actor";
import { appliedMigrationCount } from "../../db/migrate";
import { integrationStatuses } from "../../integrations";
import { getBreakerSnapshots } from "../../lib/circuit-breaker";
import { type Page, toPage } from "../../lib/pagination";
import { listOutbox } from "../email/email.repository";
import { APP_VERSION } from "../health/health.service";

const RESET_TEMPLATE = "user.password_reset";
const RESET_HIDDEN = "Password reset links are shown only to their recipient. Set SMTP_URL so reset emails are delivered.";

/** The workspace's outgoing email, newest first (password reset links hidden). */
export async function listOutboxMessages(app: AppContext, actor: Actor, q: { to?: string; cursor?: string; limit: number }): Promise<Page<OutboxMessageDto>> {
  const rows = await listOutbox(app.database.db, actor.workspaceId, q);
  return toPage(
    rows,
    q.limit,
    (r) => [r.id],
    (r) => ({
      id: r.id,
      to: r.toAddress,
      subject: r.subject,
      // A reset link is a key to someone else's account: only its recipient may see it.
      text: r.template === RESET_TEMPLATE ? RESET_HIDDEN : r.textBody,
      html: r.template === RESET_TEMPLATE ? null : r.htmlBody,
      template: r.template,
      // "pending" is a moment between commit and the job; show it as captured until sent.
      status: r.status === "pending" ? "captured" : r.status,
      error: r.error,
      createdAt: r.createdAt.toISOString(),
    }),
  );
}

/** Integrations (configured or not, never secrets), breakers, database, cache and jobs. */
export async function systemStatus(app: AppContext): Promise<SystemStatusResponse> {
  let dbOk = true;
  let migrations = 0;
  try {
    migrations = await appliedMigrationCount(app.database.pool);
  } catch {
    dbOk = false;
  }
  const pool = app.database.pool;
  return {
    version: APP_VERSION,
    nodeVersion: process.version,
    uptimeSeconds: Math.round((Date.now() - app.startedAt.getTime()) / 1000),
    database: { ok: dbOk, migrations, poolTotal: pool.totalCount, poolIdle: pool.idleCount, poolWaiting: pool.waitingCount },
    cache: { backend: app.cache.backend },
    jobs: { running: app.jobs.working },
    integrations: integrationStatuses(app.integrations),
    breakers: getBreakerSnapshots(),
  };
}
