import { z } from "zod";
import { NAME_MAX } from "../constants/limits";
import { STAFF_PIPELINE_SCOPES } from "../constants/roles";

export const CURRENCIES = ["USD", "EUR", "GBP", "CAD", "AUD", "NZD", "CHF", "SEK", "NOK", "DKK", "JPY", "INR", "BRL", "MXN", "ZAR", "SGD"] as const;

export const WorkspaceDto = z
  .object({
    id: z.uuid(),
    name: z.string(),
    timezone: z.string().describe("IANA time zone, e.g. Europe/London"),
    currency: z.enum(CURRENCIES).describe("ISO 4217 currency for money shown in the workspace"),
    brandColor: z.string().describe("Hex colour used in the app shell and emails"),
    staffPipelineScope: z.enum(STAFF_PIPELINE_SCOPES).describe("Whether staff see all leads and deals or only the ones they own"),
    abilities: z.object({ update: z.boolean() }),
  })
  .meta({ id: "WorkspaceDto" });
export type WorkspaceDto = z.infer<typeof WorkspaceDto>;

/** True when the runtime knows this IANA zone. */
export function isValidTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

export const UpdateWorkspaceBody = z
  .strictObject({
    name: z.string().trim().min(1, "Enter the agency name").max(NAME_MAX).optional(),
    timezone: z.string().refine(isValidTimeZone, "Choose a valid time zone").optional(),
    currency: z.enum(CURRENCIES).optional(),
    brandColor: z
      .string()
      .regex(/^#[0-9a-fA-F]{6}$/, "Use a hex colour like #4f46e5")
      .optional(),
    staffPipelineScope: z.enum(STAFF_PIPELINE_SCOPES).optional(),
  })
  .meta({ id: "UpdateWorkspaceBody" });
export type UpdateWorkspaceBody = z.infer<typeof UpdateWorkspaceBody>;

export const WorkspaceResponse = z.object({ data: WorkspaceDto }).meta({ id: "WorkspaceResponse" });
