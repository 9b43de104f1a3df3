import { timestamp, uuid } from "drizzle-orm/pg-core";
import { newId } from "../../lib/ids";

/** Primary key column: UUIDv7 generated in the app. */
export const idColumn = () => uuid("id").primaryKey().$defaultFn(newId);

/** created_at / updated_at pair. */
export const timestamps = () => ({
  createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
});
