import type { AppContext } from "../app-context";
import { emailSendJob } from "./email-send.job";
import { importDryRunJob } from "./import-dry-run.job";
import { importRunJob } from "./import-run.job";
import { importsCleanupJob } from "./imports-cleanup.job";
import { maintenanceCleanupJob } from "./maintenance-cleanup.job";
import { duplicatesRebuildJob, duplicatesRescoreJob } from "../modules/duplicates/duplicates.jobs";
import { automationInactivityBackfillJob, automationInactivityJob, automationRunJob } from "../modules/automations/automations.jobs";
import type { AnyJobDefinition } from "./runner";

/** Every job the app runs; the runner creates a queue (and schedule) for each. */
export const allJobs: AnyJobDefinition<AppContext>[] = [emailSendJob, maintenanceCleanupJob, automationRunJob, automationInactivityJob, automationInactivityBackfillJob, importRunJob, importDryRunJob, importsCleanupJob, duplicatesRescoreJob, duplicatesRebuildJob];
