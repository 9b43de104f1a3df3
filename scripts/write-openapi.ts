import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { renderOpenApiYaml } from "../server/http/openapi-yaml";

// Writes docs/api-spec.yaml from the route registry (npm run openapi); a unit test fails when it is stale.
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const target = path.join(root, "docs/api-spec.yaml");
const yaml = renderOpenApiYaml();
let before = "";
try {
  before = readFileSync(target, "utf8");
} catch {
  // first run
}
writeFileSync(target, yaml);
console.log(before === yaml ? "docs/api-spec.yaml is up to date" : "wrote docs/api-spec.yaml");
