import { defineConfig } from "drizzle-kit";

// drizzle-kit only diffs schema files into SQL here; it never needs a live database.
export default defineConfig({
  dialect: "postgresql",
  schema: "./server/db/schema/index.ts",
  out: "./migrations",
  strict: true,
  verbose: true,
});
