import nodemailer from "nodemailer";
import type { Config } from "../../config/env";
import { executeWithCircuit } from "../../lib/circuit-breaker";
import { notConfigured, probe } from "../integration-support";
import type { IntegrationClient } from "../integration.types";

export type SmtpConfig = Pick<Config, "SMTP_URL" | "MAIL_FROM" | "INTEGRATION_TIMEOUT_MS">;

/** One outgoing message. */
export interface OutgoingMail {
  to: string | string[];
  subject: string;
  text: string;
  html?: string;
  from?: string;
  replyTo?: string;
  headers?: Record<string, string>;
}

export interface SmtpClient extends IntegrationClient {
  /** Sends one message (never retried: a retry could deliver it twice). */
  send(mail: OutgoingMail): Promise<{ messageId: string }>;
}

/** "host:port (TLS)" of an SMTP URL, without user or password. */
function describeUrl(raw: string): string {
  const url = new URL(raw);
  const secure = url.protocol === "smtps:";
  const port = url.port || (secure ? "465" : "587");
  return `${url.hostname}:${port}${secure ? " (TLS)" : ""}`;
}

/** SMTP client over nodemailer; the transport is created on first use. */
export function createSmtpClient(config: SmtpConfig): SmtpClient {
  const url = config.SMTP_URL;
  let transporter: ReturnType<typeof nodemailer.createTransport> | undefined;

  const transport = () => {
    if (!url) throw notConfigured("Email (SMTP)", "smtp");
    // Socket timeouts end the connection itself; the breaker's timeout only abandons the wait.
    transporter ??= nodemailer.createTransport({
      url,
      connectionTimeout: config.INTEGRATION_TIMEOUT_MS,
      greetingTimeout: config.INTEGRATION_TIMEOUT_MS,
      socketTimeout: config.INTEGRATION_TIMEOUT_MS,
    });
    return transporter;
  };

  return {
    provider: "smtp",
    configured: Boolean(url),
    status: () => ({
      provider: "smtp",
      label: "Email (SMTP)",
      configured: Boolean(url),
      detail: url ? describeUrl(url) : "not configured: mail is captured to Admin → Outbox",
    }),
    healthCheck: async () => {
      if (!url) return { ok: true, detail: "not configured" };
      return probe("smtp", async () => {
        const mailer = transport();
        await executeWithCircuit("smtp", () => mailer.verify(), { idempotent: true });
        return `connected to ${describeUrl(url)}`;
      });
    },
    send: async (mail) => {
      const mailer = transport();
      const info = await executeWithCircuit("smtp", () =>
        mailer.sendMail({
          from: mail.from ?? config.MAIL_FROM,
          to: mail.to,
          subject: mail.subject,
          text: mail.text,
          html: mail.html,
          replyTo: mail.replyTo,
          headers: mail.headers,
        }),
      );
      return { messageId: info.messageId };
    },
  };
}
