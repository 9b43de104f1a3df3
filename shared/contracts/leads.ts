import { z } from "zod";

export const LEAD_STATUSES = ["new", "contacted", "qualified", "unqualified", "converted"] as const;
export type LeadStatus = (typeof LEAD_STATUSES)[number];

/** How a lead entered the workspace. */
export const LEAD_SOURCES = ["form", "import", "manual", "api"] as const;
export type LeadSource = (typeof LEAD_SOURCES)[number];

/** Proof of consent to be contacted: when, how, and the exact text the person agreed to. */
export const LeadConsent = z
  .object({
    givenAt: z.iso.datetime(),
    method: z.enum(LEAD_SOURCES).describe("Where consent was given"),
    text: z.string().describe("The consent text shown to the person"),
    formId: z.uuid().optional(),
    ip: z.string().optional(),
  })
  .meta({ id: "LeadConsent" });
export type LeadConsent = z.infer<typeof LeadConsent>;
