import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_DOMAIN, DEMO_PASSWORD } from "../../server/db/seed/demo-seed";
import type { LeadDto } from "../../shared/contracts/leads";
import { PDF_BYTES } from "../factories/attachments";
import { api, apiResult, clearAssignmentRules } from "./support/api";
import { type RunningApp, startAppProcess } from "./support/app-process";
import { launchBrowser, signIn, snap } from "./support/browser";

// Leads in a real browser: an assignment rule made in Settings hands new UK leads out in turns,
// a lead is converted into a client + contact whose timeline carries the lead's history, and a
// sales agent sees only the leads they own.
let app: RunningApp;
let browser: Browser;

beforeAll(async () => {
  app = await startAppProcess();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

/** Adds a lead through the "New lead" dialog and waits for its page; returns the owner shown there. */
async function addLead(page: Page, lead: { name: string; company: string; email: string; country: string }): Promise<string> {
  await page.goto(`${app.url}/leads`);
  await page.getByRole("heading", { level: 1, name: "Leads" }).waitFor();
  await page.getByRole("button", { name: "New lead" }).first().click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Name", { exact: true }).fill(lead.name);
  await dialog.getByLabel("Company").fill(lead.company);
  await dialog.getByLabel("Email").fill(lead.email);
  await dialog.getByLabel("Country").fill(lead.country);
  await dialog.getByRole("button", { name: "Create lead" }).click();
  await page.waitForURL((url) => /^\/leads\/[0-9a-f-]{36}$/.test(url.pathname));
  await page.getByRole("heading", { level: 1, name: lead.name }).waitFor();
  const owner = page.getByTestId("lead-header-controls").getByLabel("Owner");
  await owner.waitFor();
  return owner.evaluate((el) => (el as HTMLSelectElement).selectedOptions[0]?.textContent ?? "");
}

describe("leads: assignment rule → lead → conversion → a sales agent's own list", () => {
  it("walks the whole flow in the UI", async () => {
    const stamp = Date.now();
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const admin = await signIn(context, app.url, `admin@${DEMO_DOMAIN}`, DEMO_PASSWORD);
    await clearAssignmentRules(admin);

    // Settings → Lead assignment: UK leads in turns to Sam and Sasha.
    await admin.getByRole("link", { name: "Lead assignment" }).click();
    await admin.getByText("No assignment rules yet").waitFor();
    await admin.getByRole("button", { name: "New rule" }).click();
    const ruleDialog = admin.getByRole("dialog");
    await ruleDialog.getByLabel("Rule name").fill("UK leads");
    await ruleDialog.getByLabel("Condition 1 field").selectOption("country");
    await ruleDialog.getByLabel("Condition 1 operator").selectOption("equals");
    await ruleDialog.getByLabel("Condition 1 value").fill("GB");
    await ruleDialog.getByLabel("How").selectOption("round_robin");
    await ruleDialog.getByLabel("Sam Staff").check();
    await ruleDialog.getByLabel("Sasha Sales").check();
    await snap(admin, "leads-01-rule-dialog");
    await ruleDialog.getByRole("button", { name: "Add rule" }).click();
    await ruleDialog.waitFor({ state: "hidden" });
    const rules = admin.getByTestId("assignment-rules");
    await rules.getByText("When Country is GB").waitFor();
    await rules.getByText(/Round robin among (Sam Staff and Sasha Sales|Sasha Sales and Sam Staff)/).waitFor();
    await snap(admin, "leads-02-rules");

    // The leads list (the demo's 2,000 leads); a search without matches says so.
    await admin.getByRole("link", { name: "Leads" }).first().click();
    await admin.getByTestId("leads-table").waitFor();
    await admin.goto(`${app.url}/leads?q=${encodeURIComponent(`zz-nothing-${stamp}`)}`);
    await admin.getByText(/No leads match/).waitFor();

    // Two UK leads: the rule hands them to Sam and Sasha in turns.
    const first = { name: `Harriet Quill ${stamp}`, company: `Quill & Ink ${stamp}`, email: `harriet-${stamp}@quill.example`, country: "GB" };
    const second = { name: `Oliver Brook ${stamp}`, company: `Brook Studio ${stamp}`, email: `oliver-${stamp}@brook.example`, country: "GB" };
    const firstOwner = await addLead(admin, first);
    await admin.getByTestId("timeline").getByText(/created this lead · assigned to .+ by rule UK leads/).waitFor();
    await snap(admin, "leads-03-lead-page");
    const secondOwner = await addLead(admin, second);
    expect([firstOwner, secondOwner].sort()).toEqual(["Sam Staff", "Sasha Sales"]);
    const salesLead = firstOwner === "Sasha Sales" ? first : second;
    const otherLead = salesLead === first ? second : first;

    // The list shows both with their owners; the owner filter narrows it.
    await admin.goto(`${app.url}/leads`);
    const table = admin.getByTestId("leads-table");
    await table.getByText(first.name).waitFor();
    await table.getByText(second.name).waitFor();
    await admin.getByLabel("Owner").selectOption({ label: "Sasha Sales" });
    await admin.waitForURL((url) => url.searchParams.has("owner"));
    await expect.poll(() => table.getByText(otherLead.name).count()).toBe(0);
    await table.getByText(salesLead.name).waitFor();
    await snap(admin, "leads-04-list");

    // Searching tolerates a typo, ranks by match and keeps the query in the URL.
    await admin.goto(`${app.url}/leads`);
    await table.getByText(second.name).waitFor();
    await admin.getByLabel("Search leads").fill(`Hariet Quill ${stamp}`);
    await admin.waitForURL((url) => url.searchParams.get("q") === `Hariet Quill ${stamp}`);
    await table.getByText(first.name).waitFor();
    await expect.poll(() => table.getByText(second.name).count()).toBe(0);
    expect(await admin.getByLabel("Sort leads").inputValue()).toBe("relevance:desc");

    // Convert the first lead into a new client with a new contact.
    await admin.goto(`${app.url}/leads`);
    await admin.getByTestId("leads-table").getByRole("link", { name: first.name }).click();
    await admin.getByRole("heading", { level: 1, name: first.name }).waitFor();
    await admin.getByRole("button", { name: "Convert" }).click();
    const convertDialog = admin.getByRole("dialog");
    await expect.poll(() => convertDialog.getByLabel("Client name").inputValue()).toBe(first.company);
    await convertDialog.getByLabel("New contact from this lead").check();
    await snap(admin, "leads-05-convert");
    await convertDialog.getByRole("button", { name: "Convert lead" }).click();
    await admin.waitForURL((url) => /^\/clients\/[0-9a-f-]{36}$/.test(url.pathname));
    await admin.getByRole("heading", { level: 1, name: first.company }).waitFor();
    await admin.getByText(`${first.name} was converted into ${first.company}.`).first().waitFor();
    const timeline = admin.getByTestId("timeline");
    await timeline.getByText(/created this lead · assigned to .+ by rule UK leads/).waitFor();
    await timeline.getByText(/converted/).first().waitFor();
    await admin.getByRole("tab", { name: "Contacts" }).click();
    await admin.getByTestId("client-contacts").getByText(first.email).waitFor();
    await snap(admin, "leads-06-client-after-conversion");

    // The lead page now links to what it became (tabs replace the history entry: one step back).
    await admin.goBack();
    await admin.getByTestId("lead-conversion").getByRole("link", { name: first.company }).waitFor();

    // The sales agent sees only the lead they own.
    const salesContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const sales = await signIn(salesContext, app.url, `sales@${DEMO_DOMAIN}`, DEMO_PASSWORD);
    await sales.getByRole("link", { name: "Leads" }).first().click();
    await sales.getByTestId("leads-table").waitFor();
    // Among this run's leads (the demo gives them others of their own), only theirs.
    await sales.goto(`${app.url}/leads?q=${stamp}`);
    const salesTable = sales.getByTestId("leads-table");
    await salesTable.getByText(salesLead.name).waitFor();
    expect(await salesTable.getByTestId("lead-row").count()).toBe(1);
    expect(await salesTable.getByText(otherLead.name).count()).toBe(0);
    // No owner picker and no assignment settings for them.
    expect(await sales.getByLabel("Owner").count()).toBe(0);
    expect(await sales.getByRole("link", { name: "Lead assignment" }).count()).toBe(0);
    await snap(sales, "leads-07-sales-agent");
    await salesContext.close();
    await context.close();
  });
});

describe("leads: form errors, bulk actions and small screens", () => {
  it("shows the contract's messages on the fields, reports skipped bulk rows and deletes after confirmation", async () => {
    const stamp = Date.now();
    const tag = `bulk-${stamp}`;
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const admin = await signIn(context, app.url, `admin@${DEMO_DOMAIN}`, DEMO_PASSWORD);

    // Bad input lands on the fields it concerns, with the shared contract's wording.
    await admin.goto(`${app.url}/leads`);
    await admin.getByRole("button", { name: "New lead" }).first().click();
    const dialog = admin.getByRole("dialog");
    await dialog.getByLabel("Email").fill("not-an-email");
    await dialog.getByLabel("Country").fill("G1");
    await dialog.getByLabel("Score").fill("150");
    await dialog.getByRole("button", { name: "Create lead" }).click();
    await dialog.getByText("Enter the lead's name").waitFor();
    await dialog.getByText("Enter a valid email address").waitFor();
    await dialog.getByText("Use a two-letter country code, e.g. GB").waitFor();
    await dialog.getByText("Score is 0–100").waitFor();
    await snap(admin, "leads-08-form-errors");
    await dialog.getByRole("button", { name: "Cancel" }).click();

    // Two tagged leads, one of them converted (through the API: the UI flow is covered above).
    const keep = await api<{ data: { id: string } }>(admin, "POST", "/api/leads", { name: `Bulk Keep ${stamp}`, tags: [tag], ownerId: null });
    const conv = await api<{ data: { id: string } }>(admin, "POST", "/api/leads", { name: `Bulk Converted ${stamp}`, tags: [tag], ownerId: null });
    await api(admin, "POST", `/api/leads/${conv.data.id}/convert`, { client: { mode: "new", name: `Bulk Client ${stamp}` }, contact: { mode: "none" } });

    // Setting a status on both skips the converted one and says why.
    await admin.goto(`${app.url}/leads?tag=${tag}`);
    const table = admin.getByTestId("leads-table");
    await table.getByText(`Bulk Keep ${stamp}`).waitFor();
    await table.getByText(`Bulk Converted ${stamp}`).waitFor();
    await admin.getByLabel("Select all leads").check();
    await admin.getByRole("button", { name: "Bulk actions" }).click();
    await admin.getByRole("menuitem", { name: "Set status…" }).click();
    const statusDialog = admin.getByRole("dialog");
    await statusDialog.getByLabel("Status").selectOption("qualified");
    await statusDialog.getByRole("button", { name: "Apply to 2 leads" }).click();
    await admin.getByRole("status").getByText(`1 updated, 1 skipped: Bulk Converted ${stamp} (already converted)`).waitFor();
    await table.getByRole("row", { name: new RegExp(`Bulk Keep ${stamp}`) }).getByText("Qualified").waitFor();
    await snap(admin, "leads-09-bulk-skipped");

    // Deleting asks first.
    await admin.getByLabel(`Select Bulk Keep ${stamp}`).check();
    await admin.getByRole("button", { name: "Bulk actions" }).click();
    await admin.getByRole("menuitem", { name: "Delete…" }).click();
    const confirm = admin.getByRole("alertdialog");
    await confirm.getByText("Delete 1 lead?").waitFor();
    await confirm.getByRole("button", { name: "Delete 1 lead" }).click();
    await expect.poll(() => table.getByText(`Bulk Keep ${stamp}`).count()).toBe(0);
    await table.getByText(`Bulk Converted ${stamp}`).waitFor();
    expect((await apiResult(admin, "GET", `/api/leads/${keep.data.id}`)).status).toBe(404);

    // The workload view shows a bar per person, unassigned leads included.
    await api(admin, "POST", "/api/leads", { name: `Open Unassigned ${stamp}`, ownerId: null });
    await admin.getByRole("link", { name: "Workload" }).click();
    await admin.getByTestId("lead-workload").getByRole("img", { name: /^Unassigned: \d+ open, \d+ new$/ }).waitFor();
    await snap(admin, "leads-10-workload");
    await context.close();

    // The list and a lead page fit a phone.
    const phone = await browser.newContext({ viewport: { width: 375, height: 812 }, isMobile: true });
    const mobile = await signIn(phone, app.url, `admin@${DEMO_DOMAIN}`, DEMO_PASSWORD);
    const pageWidth = () => mobile.evaluate(() => document.documentElement.scrollWidth);
    await mobile.goto(`${app.url}/leads`);
    await mobile.getByTestId("leads-table").waitFor();
    expect(await pageWidth()).toBeLessThanOrEqual(375);
    await mobile.goto(`${app.url}/leads/${conv.data.id}`);
    await mobile.getByTestId("lead-conversion").waitFor();
    expect(await pageWidth()).toBeLessThanOrEqual(375);
    await snap(mobile, "leads-11-mobile-lead");
    await phone.close();
  });
});

describe("leads: custom fields in the form, the list and the rules", () => {
  it("fills a lead custom field, shows and filters it in the list, and routes on it with a rule", async () => {
    const stamp = Date.now();
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const admin = await signIn(context, app.url, `admin@${DEMO_DOMAIN}`, DEMO_PASSWORD);
    await clearAssignmentRules(admin);
    await api(admin, "POST", "/api/custom-fields", { entityType: "lead", label: "Budget band", key: "budget_band", type: "select", options: ["Small", "Large"] });

    // A rule on the custom field: large budgets go to Morgan.
    await admin.goto(`${app.url}/settings/assignment-rules`);
    await admin.getByRole("button", { name: "New rule" }).first().click();
    const ruleDialog = admin.getByRole("dialog");
    await ruleDialog.getByLabel("Rule name").fill(`Large budgets ${stamp}`);
    await ruleDialog.getByLabel("Condition 1 field").selectOption({ label: "Budget band (custom field)" });
    await ruleDialog.getByLabel("Condition 1 value").fill("Large");
    await ruleDialog.getByLabel("How").selectOption("user");
    await ruleDialog.getByLabel("Person").selectOption({ label: "Morgan Manager" });
    await ruleDialog.getByRole("button", { name: "Add rule" }).click();
    await ruleDialog.waitFor({ state: "hidden" });
    await admin.getByTestId("assignment-rules").getByText("When Budget band is Large").waitFor();

    // The New lead dialog carries the field; the rule assigns the lead on it.
    await admin.goto(`${app.url}/leads`);
    await admin.getByRole("button", { name: "New lead" }).first().click();
    const dialog = admin.getByRole("dialog");
    await dialog.getByLabel("Name", { exact: true }).fill(`Big Spender ${stamp}`);
    await dialog.getByLabel("Budget band").selectOption("Large");
    await dialog.getByRole("button", { name: "Create lead" }).click();
    await admin.waitForURL((url) => /^\/leads\/[0-9a-f-]{36}$/.test(url.pathname));
    const owner = admin.getByTestId("lead-header-controls").getByLabel("Owner");
    await expect.poll(() => owner.evaluate((el) => (el as HTMLSelectElement).selectedOptions[0]?.textContent)).toBe("Morgan Manager");
    await admin.getByTestId("timeline").getByText(new RegExp(`created this lead · assigned to Morgan Manager by rule Large budgets ${stamp}`)).waitFor();

    // The list shows the value in its own column and filters on it.
    await api(admin, "POST", "/api/leads", { name: `Small Fry ${stamp}`, customFields: { budget_band: "Small" } });
    await admin.goto(`${app.url}/leads`);
    const table = admin.getByTestId("leads-table");
    await table.getByText(`Small Fry ${stamp}`).waitFor();
    await table.getByRole("columnheader", { name: /Budget band/ }).waitFor();
    await admin.getByLabel("Filter by custom field").selectOption("budget_band");
    await admin.getByLabel("Budget band value").selectOption("Large");
    await admin.waitForURL((url) => url.searchParams.get("cf") === "budget_band:Large");
    await expect.poll(() => table.getByText(`Small Fry ${stamp}`).count()).toBe(0);
    await table.getByRole("row", { name: new RegExp(`Big Spender ${stamp}`) }).getByText("Large").waitFor();
    await snap(admin, "leads-12-custom-field");
    await context.close();
  });
});

describe("leads: converting into an existing client", () => {
  it("links the lead to a client found by a typo-tolerant search and to one of its contacts", async () => {
    const stamp = Date.now();
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const admin = await signIn(context, app.url, `admin@${DEMO_DOMAIN}`, DEMO_PASSWORD);
    const lead = await api<{ data: { id: string } }>(admin, "POST", "/api/leads", { name: `Repeat Buyer ${stamp}`, company: "Acme Coffee" });
    await admin.goto(`${app.url}/leads/${lead.data.id}`);
    // The lead page carries its files too.
    await admin.getByLabel("Choose files to upload").setInputFiles([{ name: `proposal-${stamp}.pdf`, mimeType: "application/pdf", buffer: PDF_BYTES }]);
    await admin.getByTestId("attachments-list").getByRole("link", { name: `proposal-${stamp}.pdf`, exact: true }).waitFor();
    await admin.getByRole("button", { name: "Convert" }).click();
    const dialog = admin.getByRole("dialog");
    await dialog.getByLabel("Link an existing client").check();
    await dialog.getByLabel("Find a client").fill("Acme Cofee");
    await dialog.getByTestId("convert-client-results").getByLabel(/Acme Coffee Roasters/).check();
    await dialog.getByLabel("An existing contact of the client").check();
    await dialog.getByLabel("Contact", { exact: true }).selectOption({ label: "Priya Shah · priya@acmecoffee.example" });
    await snap(admin, "leads-13-convert-existing");
    await dialog.getByRole("button", { name: "Convert lead" }).click();
    await admin.waitForURL((url) => /^\/clients\/[0-9a-f-]{36}$/.test(url.pathname));
    await admin.getByRole("heading", { level: 1, name: "Acme Coffee Roasters" }).waitFor();
    await admin.getByTestId("timeline").getByText(/converted this lead/).first().waitFor();
    const converted = await api<{ data: LeadDto }>(admin, "GET", `/api/leads/${lead.data.id}`);
    expect(converted.data).toMatchObject({ status: "converted", conversion: { client: { name: "Acme Coffee Roasters" }, contactId: expect.any(String) } });
    await context.close();
  });
});
