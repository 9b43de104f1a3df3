import { describe, expect, it } from "vitest";
import { suggestMapping } from "../../shared/contracts/imports";
import { planBatch } from "../../server/modules/imports/import-batch";
import { detectDelimiter } from "../../server/modules/imports/import-file";
import { domainOfEmail, domainOfUrl, splitList } from "../../server/modules/imports/import-rows";

const row = (n: number) => ({ row: n, cells: [] });

describe("suggestMapping", () => {
  it("matches keys, labels and aliases whatever the case and punctuation, custom fields by label or key, each target once", () => {
    const targets = [
      { key: "name", label: "Name", custom: false },
      { key: "email", label: "Email", custom: false },
      { key: "phone", label: "Phone", custom: false },
      { key: "cf.budget_usd", label: "Budget (USD)", custom: true },
      { key: "cf.tier", label: "Customer tier", custom: true },
    ];
    expect(suggestMapping(["Full Name", "E-Mail", "Mobile", "budget (usd)", "TIER", "Email", "Notes"], targets, "lead")).toEqual([
      "name",
      "email",
      "phone",
      "cf.budget_usd",
      "cf.tier",
      null,
      null,
    ]);
  });
});

describe("detectDelimiter", () => {
  it("picks the most frequent of comma, semicolon and tab outside quotes", () => {
    expect(detectDelimiter("a,b,c\n1,2,3")).toBe(",");
    expect(detectDelimiter('\uFEFFname;"x,y";z\n')).toBe(";");
    expect(detectDelimiter("a\tb\tc")).toBe("\t");
    expect(detectDelimiter("single")).toBe(",");
  });
});

describe("domains and lists", () => {
  it("reduces websites and emails to the company domain, ignoring mailbox providers", () => {
    expect(domainOfUrl("https://www.Acme.com/about?x=1")).toBe("acme.com");
    expect(domainOfUrl("acme.co.uk")).toBe("acme.co.uk");
    expect(domainOfUrl("localhost")).toBeNull();
    expect(domainOfEmail("Ann@Acme.com")).toBe("acme.com");
    expect(domainOfEmail("ann@gmail.com")).toBeNull();
    expect(splitList("vip; web, vip |b")).toEqual(["vip", "web", "b"]);
  });
});

describe("planBatch", () => {
  const existing = [{ id: "b", keys: { email: "x@a.test" } }, { id: "a", keys: { email: "x@a.test", phone: "+4420" } }];
  const candidates = [
    { row: row(2), input: 1, keys: { email: "x@a.test" } },
    { row: row(3), input: 2, keys: { email: "new@a.test" } },
    { row: row(4), input: 3, keys: { email: "new@a.test" } },
    { row: row(5), input: 4, keys: { phone: "+4420" } },
  ];

  it("skip: matches go to the oldest record and are skipped; a repeat of a new row is skipped too", () => {
    const plan = planBatch(candidates, existing, ["email", "phone"], "skip");
    expect(plan.creates.map((c) => c.input)).toEqual([2]);
    expect(plan.skipped).toBe(3);
  });

  it("update: rows matching one record are grouped on it; a repeat of a new row is merged into it", () => {
    const plan = planBatch(candidates, existing, ["email", "phone"], "update");
    expect(plan.updates.map((u) => [u.existing.id, u.rows.map((r) => r.input)])).toEqual([["a", [1, 4]]]);
    expect(plan.merged.map((m) => [m.into.input, m.from.input])).toEqual([[2, 3]]);
  });

  it("create: every row is created", () => {
    expect(planBatch(candidates, existing, ["email", "phone"], "create").creates).toHaveLength(4);
  });

  it("only the chosen keys match", () => {
    const plan = planBatch(candidates, existing, ["phone"], "skip");
    expect(plan.creates.map((c) => c.input)).toEqual([1, 2, 3]);
  });
});
