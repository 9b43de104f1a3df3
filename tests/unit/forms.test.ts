import { describe, expect, it } from "vitest";
import { resolveFormFields } from "../../server/modules/forms/forms.service";
import type { CustomFieldDefinitionDto } from "../../shared/contracts/custom-fields";
import { CreateLeadFormBody, isAllowedRedirectUrl, isTicked, normaliseOrigin } from "../../shared/contracts/forms";
import { AppError } from "../../shared/errors";

const def = (over: Partial<CustomFieldDefinitionDto>): CustomFieldDefinitionDto => ({
  id: "018f0000-0000-7000-8000-000000000000",
  entityType: "lead",
  key: "plan",
  label: "Plan",
  type: "select",
  options: ["Starter", "Pro"],
  required: false,
  position: 0,
  createdAt: new Date(0).toISOString(),
  ...over,
});

function issues(fn: () => unknown): string[] {
  try {
    fn();
  } catch (err) {
    if (err instanceof AppError) return (err.details?.issues ?? []).map((i) => i.path);
    throw err;
  }
  return [];
}

describe("form origins and redirects", () => {
  it("normalises origins and rejects anything with a path, query or another scheme", () => {
    expect(normaliseOrigin("HTTPS://Client-Site.example/")).toBe("https://client-site.example");
    expect(normaliseOrigin("http://localhost:8080")).toBe("http://localhost:8080");
    expect(normaliseOrigin("https://client-site.example/contact")).toBeNull();
    expect(normaliseOrigin("https://client-site.example?x=1")).toBeNull();
    expect(normaliseOrigin("ftp://client-site.example")).toBeNull();
    expect(normaliseOrigin("client-site.example")).toBeNull();
  });

  it("allows https redirects anywhere and http only on localhost", () => {
    expect(isAllowedRedirectUrl("https://client-site.example/thanks")).toBe(true);
    expect(isAllowedRedirectUrl("http://localhost:3000/thanks")).toBe(true);
    expect(isAllowedRedirectUrl("http://client-site.example/thanks")).toBe(false);
    expect(isAllowedRedirectUrl("javascript:alert(1)")).toBe(false);
  });

  it("reads a ticked checkbox from JSON and from HTML forms", () => {
    expect([true, "on", "true", "1", "yes"].map(isTicked)).toEqual([true, true, true, true, true]);
    expect([false, "", "off", undefined, null].map(isTicked)).toEqual([false, false, false, false, false]);
  });

  it("rejects a redirect mode without a safe URL in the shared contract (the builder uses the same check)", () => {
    const res = CreateLeadFormBody.safeParse({ name: "x", fields: [{ key: "email", label: "Email", required: true }], success: { mode: "redirect", message: "", redirectUrl: null } });
    expect(res.success).toBe(false);
    expect(res.error?.issues.map((i) => i.path.join("."))).toEqual(["success.redirectUrl"]);
  });
});

describe("resolveFormFields", () => {
  it("types each field from what it fills, with select choices from the custom field", () => {
    const fields = resolveFormFields(
      [
        { key: "email", label: "Email", required: true },
        { key: "company", label: "About you", required: false, type: "textarea" },
        { key: "cf.plan", label: "Plan", required: false },
      ],
      [def({})],
    );
    expect(fields.map((f) => [f.key, f.type, f.options])).toEqual([
      ["email", "email", []],
      ["company", "textarea", []],
      ["cf.plan", "select", ["Starter", "Pro"]],
    ]);
  });

  it("asks for a required email or phone, every required custom field, and no unknown or duplicate keys", () => {
    expect(issues(() => resolveFormFields([{ key: "phone", label: "Phone", required: true }], []))).toEqual([]);
    expect(issues(() => resolveFormFields([{ key: "name", label: "Name", required: true }], []))).toEqual(["body.fields"]);
    expect(
      issues(() =>
        resolveFormFields(
          [
            { key: "email", label: "Email", required: true },
            { key: "email", label: "Again", required: false },
            { key: "cf.gone", label: "Gone", required: false },
          ],
          [def({ key: "budget", label: "Budget", type: "number", required: true })],
        ),
      ),
    ).toEqual(["body.fields.1.key", "body.fields.2.key", "body.fields"]);
  });
});
