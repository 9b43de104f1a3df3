import { pgTable, text } from "drizzle-orm/pg-core";
import { idColumn, timestamps } from "./columns";

/** One agency. Every domain row carries its workspace id. */
export const workspaces = pgTable("workspaces", {
  id: idColumn(),
  name: text("name").notNull(),
  timezone: text("timezone").notNull().default("UTC"),
  currency: text("currency").notNull().default("USD"),
  brandColor: text("brand_color").notNull().default("#4f46e5"),
  ...timestamps(),
});

export type WorkspaceRow = typeof workspaces.$inferSelect;
