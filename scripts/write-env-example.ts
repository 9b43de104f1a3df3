import { writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { envSchema } from "../server/config/env";

// Regenerates .env.example from the config schema (descriptions and defaults included).
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const lines = ["# Agency OS configuration. Every variable is optional in development; see README → Configuration.", ""];
for (const [key, schema] of Object.entries(envSchema.shape)) {
  const description = schema.description ?? "";
  const parsed = schema.safeParse(undefined);
  const def = parsed.success && parsed.data !== undefined ? String(parsed.data) : "";
  lines.push(`# ${description}`);
  lines.push(def ? `# ${key}=${def}` : `# ${key}=`);
  lines.push("");
}
writeFileSync(path.join(root, ".env.example"), lines.join("\n"));
console.log(`wrote .env.example (${Object.keys(envSchema.shape).length} variables)`);
