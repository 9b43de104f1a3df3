import { describe, expect, it } from "vitest";
import { z } from "zod";
import { CreateLeadBody, ListLeadsQuery } from "../../shared/contracts/leads";
import "../../shared/utils/zod-messages";

const messages = (schema: z.ZodType, value: unknown) => {
  const r = schema.safeParse(value);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
};

describe("plain-words zod messages (no raw zod text reaches people)", () => {
  it("an enum says which values it takes, in words, not 'Invalid option: expected one of \"a\"|\"b\"'", () => {
    expect(messages(CreateLeadBody, { name: "Ann", status: "hot" })).toEqual(['status: Use one of "new", "contacted", "qualified" or "unqualified"']);
  });

  it("a missing required field says so, not 'Invalid input: expected string, received undefined'", () => {
    expect(messages(z.strictObject({ name: z.string() }), {})).toEqual(["name: This field is required"]);
  });

  it("a wrong type says what to enter, not 'expected number, received string' or 'received NaN'", () => {
    expect(messages(z.object({ score: z.number() }), { score: "abc" })).toEqual(["score: Enter a number"]);
    expect(messages(ListLeadsQuery, { limit: "abc" })).toEqual(["limit: Enter a number"]);
  });

  it("sizes and formats read as instructions, not 'Too small: expected string to have >=1 characters' or 'Invalid ISO date'", () => {
    expect(messages(z.string().min(1), "")).toEqual([": This field can't be empty"]);
    expect(messages(z.string().max(3), "abcd")).toEqual([": Use at most 3 characters"]);
    expect(messages(z.number().int().min(1).max(200), 500)).toEqual([": Use 200 or less"]);
    expect(messages(z.iso.date(), "2026-13-01")).toEqual([": Enter a date as YYYY-MM-DD"]);
    expect(messages(z.uuid(), "abc")).toEqual([": Use a valid id"]);
  });

  it("unknown keys and discriminators are named plainly", () => {
    expect(messages(z.strictObject({ a: z.string() }), { a: "x", role: "admin" })).toEqual([": Remove this field, which is not accepted here: role"]);
    const union = z.discriminatedUnion("mode", [z.object({ mode: z.literal("new") }), z.object({ mode: z.literal("existing") })]);
    expect(messages(union, {})).toEqual(['mode: Use one of "new" or "existing"']);
  });

  it("a message written in a schema still wins over the map", () => {
    expect(messages(z.string().min(1, "Enter the tag"), "")).toEqual([": Enter the tag"]);
  });
});
