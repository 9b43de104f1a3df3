import { describe, expect, it } from "vitest";
import { customFieldFilterParam } from "../../shared/contracts/custom-fields";
import { compactCustomFieldValues, customFieldKeyFromLabel, validateCustomFieldValues } from "../../shared/utils/custom-fields";

describe("customFieldKeyFromLabel", () => {
  it("derives a valid key, folding accents instead of splitting words on them", () => {
    expect(customFieldKeyFromLabel("Budget (USD)")).toBe("budget_usd");
    expect(customFieldKeyFromLabel("Café Déjà vu")).toBe("cafe_deja_vu");
    expect(customFieldKeyFromLabel("Über Größe")).toBe("uber_grosse");
    expect(customFieldKeyFromLabel("2024 target")).toBe("f_2024_target");
    expect(customFieldKeyFromLabel("a".repeat(60))).toHaveLength(40);
  });

  it("transliterates Cyrillic and Greek; a label with nothing to spell gets the next free field_<n>", () => {
    expect(customFieldKeyFromLabel("Бюджет проекта")).toBe("byudzhet_proekta");
    expect(customFieldKeyFromLabel("Προϋπολογισμός")).toBe("proypologismos");
    expect(customFieldKeyFromLabel("Søren Æble")).toBe("soren_aeble");
    expect(customFieldKeyFromLabel("予算")).toBe("field_1");
    expect(customFieldKeyFromLabel("!!!", ["field_1", "budget"])).toBe("field_2");
    expect(customFieldKeyFromLabel("予算", ["field_2"])).toBe("field_1");
  });
});

describe("validateCustomFieldValues", () => {
  const defs = [
    { key: "constructor", label: "Constructor", type: "text" as const, options: [], required: true },
    { key: "tier", label: "Tier", type: "select" as const, options: ["gold"], required: false },
  ];

  it("checks required fields on own keys only (not Object.prototype's)", () => {
    expect(validateCustomFieldValues(defs, {}).map((i) => i.path)).toEqual(["body.customFields.constructor"]);
    expect(validateCustomFieldValues(defs, { constructor: "x" })).toEqual([]);
  });

  it("rejects unknown keys and values outside the choices; empty values clear", () => {
    const issues = validateCustomFieldValues(defs, { tier: "silver", nope: 1, constructor: "x" });
    expect(issues.map((i) => [i.path, i.code])).toEqual([
      ["body.customFields.tier", "invalid_value"],
      ["body.customFields.nope", "unknown_field"],
    ]);
    expect(compactCustomFieldValues({ a: "", b: null, c: [], d: false, e: 0 })).toEqual({ d: false, e: 0 });
  });
});

describe("validateCustomFieldValues: dates", () => {
  const defs = [{ key: "start", label: "Start", type: "date" as const, options: [], required: false }];

  it("refuses a day that doesn't exist (2026-02-30, 2026-04-31, 2025-02-29), which Date.parse rolls into the next month", () => {
    for (const bad of ["2026-02-30", "2026-04-31", "2025-02-29", "2026-13-01", "2026-00-10"]) {
      expect(validateCustomFieldValues(defs, { start: bad }).map((i) => [i.path, i.message])).toEqual([["body.customFields.start", "Enter a date (YYYY-MM-DD)"]]);
    }
  });

  it("takes real days, leap days included", () => {
    for (const good of ["2026-02-28", "2028-02-29", "2026-12-31"]) expect(validateCustomFieldValues(defs, { start: good })).toEqual([]);
  });
});

describe("customFieldFilterParam", () => {
  it("accepts one or many key:value filters, up to 5", () => {
    expect(customFieldFilterParam.parse("tier:gold")).toEqual(["tier:gold"]);
    expect(customFieldFilterParam.parse(["a:1", "b:x:y"])).toEqual(["a:1", "b:x:y"]);
    expect(customFieldFilterParam.safeParse(["a:1", "a:2", "a:3", "a:4", "a:5", "a:6"]).success).toBe(false);
    expect(customFieldFilterParam.safeParse("novalue").success).toBe(false);
  });
});
