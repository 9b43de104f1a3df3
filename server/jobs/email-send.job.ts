import { z } from "zod";
import type { AppContext } from "../app-context";
import { logger } from "../lib/logger";
import { findOutboxEmail, markOutboxEmail } from "../modules/email/email.repository";
import { defineJob } from "./define-job";

/** Delivers one outbox email through SMTP, or marks it captured when SMTP is not configured. Idempotent. */
export const emailSendJob = defineJob<{ outboxId: string; workspaceId: string | null }, AppContext>({
  name: "email.send",
  payload: z.object({ outboxId: z.uuid(), workspaceId: z.uuid().nullable() }),
  retryLimit: 6,
  retryDelaySeconds: 30,
  retryBackoff: true,
  async perform({ outboxId }, { app }) {
    const db = app.database.db;
    const email = await findOutboxEmail(db, outboxId);
    if (!email || email.status === "sent" || email.status === "captured") return;
    const smtp = app.integrations.smtp;
    if (!smtp.configured) {
      await markOutboxEmail(db, outboxId, { status: "captured" });
      return;
    }
    try {
      const { messageId } = await smtp.send({
        to: email.toAddress,
        subject: email.subject,
        text: email.textBody,
        html: email.htmlBody ?? undefined,
        headers: { "X-Agency-OS-Outbox-Id": email.id },
      });
      await markOutboxEmail(db, outboxId, { status: "sent", providerMessageId: messageId, sentAt: new Date(), error: null });
    } catch (err) {
      // Keep the last error visible in Admin → Outbox; the throw makes the job retry with backoff.
      await markOutboxEmail(db, outboxId, { status: "failed", error: err instanceof Error ? err.message : String(err) });
      logger.warn({ err, outboxId }, "email delivery failed; will retry");
      throw err;
    }
  },
});
