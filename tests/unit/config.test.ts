import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ConfigError, envSchema, loadConfig } from "../../server/config/env";

describe("loadConfig", () => {
  it("applies defaults in development without any variable", () => {
    const config = loadConfig({});
    expect(config.PORT).toBe(5000);
    expect(config.APP_URL).toBe("http://localhost:5000");
    expect(config.SESSION_IDLE_MINUTES).toBe(30);
    expect(config.SESSION_ABSOLUTE_HOURS).toBe(12);
    expect(config.TRUST_PROXY).toBe(false);
  });

  it("lists every missing production requirement at once", () => {
    try {
      loadConfig({ NODE_ENV: "production" });
      expect.unreachable("production config without secrets must fail");
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      const problems = (err as ConfigError).problems.join("\n");
      expect(problems).toContain("DATABASE_URL");
      expect(problems).toContain("APP_URL");
      expect(problems).toContain("SESSION_SECRET");
    }
  });

  it("rejects a session secret shorter than 32 characters", () => {
    expect(() => loadConfig({ SESSION_SECRET: "short" })).toThrow(/at least 32/);
  });

  it("reports every malformed variable with its name", () => {
    try {
      loadConfig({ PORT: "nope", DATABASE_URL: "not a url", LOG_LEVEL: "loud" });
      expect.unreachable();
    } catch (err) {
      const problems = (err as ConfigError).problems;
      expect(problems.some((p) => p.startsWith("PORT"))).toBe(true);
      expect(problems.some((p) => p.startsWith("DATABASE_URL"))).toBe(true);
      expect(problems.some((p) => p.startsWith("LOG_LEVEL"))).toBe(true);
    }
  });

  it("parses TRUST_PROXY as boolean, hop count or address list", () => {
    expect(loadConfig({ TRUST_PROXY: "true" }).TRUST_PROXY).toBe(true);
    expect(loadConfig({ TRUST_PROXY: "2" }).TRUST_PROXY).toBe(2);
    expect(loadConfig({ TRUST_PROXY: "10.0.0.1, loopback" }).TRUST_PROXY).toEqual(["10.0.0.1", "loopback"]);
  });

  it("gives every variable a description, and .env.example lists each one", () => {
    const example = readFileSync(".env.example", "utf8");
    for (const [key, schema] of Object.entries(envSchema.shape)) {
      expect(schema.description, key).toBeTruthy();
      expect(example, key).toContain(`${key}=`);
    }
  });
});
