import { z } from "zod";
import { NAME_MAX } from "../constants/limits";
import { RuleCondition } from "./assignment-rules";
import { pageQueryFields, paginated } from "./common";
import { EDITABLE_LEAD_STATUSES, LEAD_STATUSES } from "./leads";

/** What starts an automation. Event-driven on write: no periodic scans. */
export const AutomationTrigger = z
  .discriminatedUnion("type", [
    z.strictObject({ type: z.literal("lead_created") }),
    z.strictObject({
      type: z.literal("lead_status_changed"),
      from: z.enum(LEAD_STATUSES).optional().describe("Only changes from this status"),
      to: z.enum(LEAD_STATUSES).optional().describe("Only changes to this status"),
    }),
    z.strictObject({
      type: z.literal("lead_inactive"),
      days: z.number().int().min(1, "At least one day").max(365, "At most a year").describe("No activity for this many days"),
    }),
  ])
  .meta({ id: "AutomationTrigger" });
export type AutomationTrigger = z.infer<typeof AutomationTrigger>;
export const TRIGGER_TYPES = ["lead_created", "lead_status_changed", "lead_inactive"] as const;
export type TriggerType = (typeof TRIGGER_TYPES)[number];

/** The tag of an add/remove tag action, with messages the automation dialog can show as they are. */
const actionTag = z.string().trim().min(1, "Enter the tag").max(40, "Keep the tag to 40 characters");

/**
 * The actions this issue ships. Later modules register more (create task, enrol in a drip series)
 * in the server's action registry and add their shape here.
 */
export const AutomationAction = z
  .discriminatedUnion("type", [
    z.strictObject({ type: z.literal("assign"), userId: z.uuid().nullable().describe("null: run the assignment rules again") }),
    z.strictObject({ type: z.literal("set_status"), status: z.enum(EDITABLE_LEAD_STATUSES) }),
    z.strictObject({ type: z.literal("add_tag"), tag: actionTag }),
    z.strictObject({ type: z.literal("remove_tag"), tag: actionTag }),
    z.strictObject({ type: z.literal("add_note"), body: z.string().trim().min(1, "Write the note").max(5000).describe("{{lead.name}}, {{lead.company}}, {{lead.email}} are filled in") }),
    z.strictObject({
      type: z.literal("notify_user"),
      userId: z.uuid().nullable().describe("null: the lead's owner"),
      message: z.string().trim().min(1, "Write the message").max(2000),
    }),
  ])
  .meta({ id: "AutomationAction" });
export type AutomationAction = z.infer<typeof AutomationAction>;
export type AutomationActionType = AutomationAction["type"];

export const AutomationDto = z
  .object({
    id: z.uuid(),
    name: z.string(),
    enabled: z.boolean(),
    trigger: AutomationTrigger,
    conditions: z.array(RuleCondition).describe("All must hold for the lead (same fields as assignment rules)"),
    actions: z.array(AutomationAction),
    runCount: z.number().int(),
    lastRunAt: z.iso.datetime().nullable(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: "AutomationDto" });
export type AutomationDto = z.infer<typeof AutomationDto>;

export const AutomationListResponse = z.object({ data: z.array(AutomationDto) }).meta({ id: "AutomationListResponse" });
export type AutomationListResponse = z.infer<typeof AutomationListResponse>;
export const AutomationResponse = z.object({ data: AutomationDto }).meta({ id: "AutomationResponse" });

const automationFields = {
  name: z.string().trim().min(1, "Name the automation").max(NAME_MAX),
  enabled: z.boolean(),
  trigger: AutomationTrigger,
  conditions: z.array(RuleCondition).max(20),
  actions: z.array(AutomationAction).min(1, "Add at least one action").max(10),
};
export const CreateAutomationBody = z
  .strictObject({ ...automationFields, enabled: automationFields.enabled.default(true), conditions: automationFields.conditions.default([]) })
  .meta({ id: "CreateAutomationBody" });
export type CreateAutomationBody = z.infer<typeof CreateAutomationBody>;
export const UpdateAutomationBody = z.strictObject(automationFields).partial().meta({ id: "UpdateAutomationBody" });
export type UpdateAutomationBody = z.infer<typeof UpdateAutomationBody>;

export const RUN_STATUSES = ["succeeded", "failed", "skipped"] as const;

export const AutomationRunDto = z
  .object({
    id: z.uuid(),
    automation: z.object({ id: z.uuid(), name: z.string() }),
    lead: z.object({ id: z.uuid(), name: z.string() }).nullable().describe("null once the lead is deleted"),
    trigger: z.enum(TRIGGER_TYPES),
    status: z.enum(RUN_STATUSES),
    steps: z.array(z.object({ action: z.string(), ok: z.boolean(), summary: z.string() })),
    error: z.string().nullable(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: "AutomationRunDto" });
export type AutomationRunDto = z.infer<typeof AutomationRunDto>;

export const ListAutomationRunsQuery = z.strictObject({ ...pageQueryFields }).meta({ id: "ListAutomationRunsQuery" });
export type ListAutomationRunsQuery = z.infer<typeof ListAutomationRunsQuery>;
export const AutomationRunListResponse = paginated(AutomationRunDto, "AutomationRunListResponse");
export type AutomationRunListResponse = z.infer<typeof AutomationRunListResponse>;
