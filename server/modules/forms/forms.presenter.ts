import type { LeadFormDto } from "../../../shared/contracts/forms";
import type { LeadFormRow } from "../../db/schema";

/** The hosted page of a form. */
export function hostedUrl(appUrl: string, publicId: string): string {
  return `${appUrl}/f/${publicId}`;
}

const escapeAttr = (v: string) => v.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** Row → DTO, with the hosted URL and the embed snippets. */
export function presentForm(appUrl: string, row: LeadFormRow): LeadFormDto {
  const url = hostedUrl(appUrl, row.publicId);
  return {
    id: row.id,
    name: row.name,
    publicId: row.publicId,
    fields: row.fields,
    consent: row.consent,
    success: row.success,
    allowedOrigins: row.allowedOrigins,
    tags: row.tags,
    enabled: row.enabled,
    submissionCount: row.submissionCount,
    lastSubmittedAt: row.lastSubmittedAt?.toISOString() ?? null,
    hostedUrl: url,
    embed: {
      iframe: `<iframe src="${escapeAttr(`${url}?embed=1`)}" title="${escapeAttr(row.name)}" style="width:100%;min-height:600px;border:0" loading="lazy"></iframe>`,
      script: `<div data-agency-form="${row.publicId}"></div>\n<script src="${escapeAttr(`${appUrl}/forms/embed.js`)}" async></script>`,
    },
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
