import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { renderOpenApiYaml } from "../../server/http/openapi-yaml";
import { apiRoutes } from "../../server/http/route-registry";

describe("docs/api-spec.yaml", () => {
  it("matches the registry (run `npm run openapi` when this fails)", () => {
    expect(readFileSync("docs/api-spec.yaml", "utf8")).toBe(renderOpenApiYaml());
  });
});

describe("route registry", () => {
  it("declares access, a summary and tags on every route, with no duplicate method + path", () => {
    const seen = new Set<string>();
    for (const route of apiRoutes) {
      const key = `${route.method.toUpperCase()} ${route.path}`;
      expect(route.access?.kind, key).toMatch(/^(public|authenticated|staff|portal)$/);
      if (route.access.kind === "staff") expect(route.access.permission, key).toBeTruthy();
      expect(route.summary, key).toBeTruthy();
      expect(route.tags.length, key).toBeGreaterThan(0);
      expect(Object.keys(route.responses).some((c) => Number(c) < 300), key).toBe(true);
      expect(seen.has(key), `duplicate ${key}`).toBe(false);
      seen.add(key);
    }
  });
});
