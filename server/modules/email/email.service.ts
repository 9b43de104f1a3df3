import type { AppContext } from "../../app-context";
import type { Tx } from "../../db/transaction";
import { emailSendJob } from "../../jobs/email-send.job";
import type { RenderedEmail } from "./email-templates";
import { insertOutboxEmail } from "./email.repository";

/**
 * Queues an email inside the caller's transaction: the outbox row and its send job commit together
 * with the change that caused them, or not at all.
 */
export async function queueEmail(app: AppContext, tx: Tx, workspaceId: string | null, to: string, email: RenderedEmail): Promise<string> {
  const outboxId = await insertOutboxEmail(tx.db, {
    workspaceId,
    toAddress: to,
    subject: email.subject,
    textBody: email.text,
    htmlBody: email.html,
    template: email.template,
    status: "pending",
  });
  await app.jobs.enqueue(emailSendJob, { outboxId, workspaceId }, { tx });
  return outboxId;
}
