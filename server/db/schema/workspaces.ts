import { STAFF_PIPELINE_SCOPES } from "../../../shared/constants/roles";
import { pgTable, text } from "drizzle-orm/pg-core";
import { idColumn, timestamps } from "./columns";

/** One agency. Every domain row carries its workspace id. */
export const workspaces = pgTable("workspaces", {
  id: idColumn(),
  name: text("name").notNull(),
  timezone: text("timezone").notNull().default("UTC"),
  currency: text("currency").notNull().default("USD"),
  brandColor: text("brand_color").notNull().default("#4f46e5"),
  /** Whether staff see every lead and deal or only the ones they own. */
  staffPipelineScope: text("staff_pipeline_scope", { enum: STAFF_PIPELINE_SCOPES }).notNull().default("all"),
  ...timestamps(),
});

export type WorkspaceRow = typeof workspaces.$inferSelect;
