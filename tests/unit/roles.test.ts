import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { assignableRoles, DEFAULT_ROLE_PERMISSIONS, PERMISSION_KEYS, PORTAL_PERMISSIONS, ROLES } from "../../shared/constants/roles";

describe("role permission defaults", () => {
  it("are exactly what the seeding migrations insert", () => {
    // Every migration that writes role_permission_defaults (0001 and each later permission migration).
    const sql = readdirSync("migrations")
      .filter((f) => f.endsWith(".sql"))
      .map((f) => readFileSync(`migrations/${f}`, "utf8"))
      .filter((text) => text.includes("role_permission_defaults") && /INSERT INTO "role_permission_defaults"/.test(text))
      .join("\n");
    const inserted = new Set([...sql.matchAll(/\('([a-z_]+)', '([a-z_.]+)'\)/g)].map((m) => `${m[1]}:${m[2]}`));
    const expected = new Set(ROLES.flatMap((r) => DEFAULT_ROLE_PERMISSIONS[r].map((p) => `${r}:${p}`)));
    expect(inserted).toEqual(expected);
  });

  it("give admins every staff permission and portal clients only portal permissions", () => {
    expect([...DEFAULT_ROLE_PERMISSIONS.admin].sort()).toEqual(PERMISSION_KEYS.filter((p) => !PORTAL_PERMISSIONS.includes(p)).sort());
    expect(DEFAULT_ROLE_PERMISSIONS.client.every((p) => PORTAL_PERMISSIONS.includes(p))).toBe(true);
  });

  it("only reference catalogue keys", () => {
    for (const role of ROLES) for (const p of DEFAULT_ROLE_PERMISSIONS[role]) expect(PERMISSION_KEYS).toContain(p);
  });
});

describe("assignableRoles", () => {
  it("lets admins assign any role, managers anything but admin, and others nothing", () => {
    expect(assignableRoles("admin")).toEqual([...ROLES]);
    expect(assignableRoles("manager")).not.toContain("admin");
    expect(assignableRoles("manager")).toContain("client");
    expect(assignableRoles("staff")).toEqual([]);
  });
});
