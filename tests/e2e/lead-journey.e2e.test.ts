import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_DOMAIN, DEMO_PASSWORD } from "../../server/db/seed/demo-seed";
import type { LeadListResponse } from "../../shared/contracts/leads";
import { api, clearAssignmentRules, createAssignmentRule, createForm, createPipeline, createUser } from "./support/api";
import { type RunningApp, startAppProcess } from "./support/app-process";
import { boardColumnTitles, dragWithMouse, launchBrowser, signIn, snap } from "./support/browser";

// The CRM issue's chain in one flow, as the agency's people would walk it: a visitor fills the
// hosted form, an assignment rule hands the lead to a sales agent, who finds it in their list,
// converts it into a client, a contact and a deal, drags the deal along the board, and finds the
// lead's history on the new client's timeline.
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

describe("lead journey: hosted form → rule → sales agent → conversion → board → client timeline", () => {
  it("walks the chain across an anonymous visitor and a signed-in sales agent", async () => {
    const stamp = Date.now();
    const tag = `journey-${stamp}`;
    const formName = `Journey enquiry ${stamp}`;
    const consentText = `I agree to be contacted about my enquiry (${stamp}).`;
    const thanks = `Thanks, we will call you back (${stamp}).`;
    const visitor = { name: `Juno Visitor ${stamp}`, email: `juno-${stamp}@journey.example`, company: `Juno Gardens ${stamp}` };
    const dealTitle = `Juno Gardens retainer ${stamp}`;

    // Setup as the admin (API): a fresh sales agent, no demo rules, one rule sending this form's
    // leads (tagged by the form) to the agent, the agent's own pipeline, and the form.
    const adminContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const admin = await signIn(adminContext, app.url, `admin@${DEMO_DOMAIN}`, DEMO_PASSWORD);
    const agent = await createUser(admin, "sales_agent", "Riley Rep");
    await clearAssignmentRules(admin);
    await createAssignmentRule(admin, { name: `Journey form → Riley ${stamp}`, conditions: [{ field: "tags", op: "equals", value: tag }], assign: { type: "user", userId: agent.user.id } });
    const pipeline = await createPipeline(admin, { name: `Journey pipeline ${stamp}` });
    const form = await createForm(admin, {
      name: formName,
      fields: [
        { key: "name", label: "Your name", required: true },
        { key: "email", label: "Email", required: true },
        { key: "company", label: "Company" },
      ],
      consent: { required: true, text: consentText },
      success: { mode: "message", message: thanks, redirectUrl: null },
      tags: [tag],
    });
    expect(form.hostedUrl).toBe(`${app.url}/f/${form.publicId}`);

    // An anonymous visitor fills the hosted page, consent included, and gets the thank-you message.
    const visitorContext = await browser.newContext({ viewport: { width: 800, height: 900 } });
    const page = await visitorContext.newPage();
    await page.goto(`${app.url}/f/${form.publicId}`);
    await page.getByRole("heading", { name: formName }).waitFor();
    await page.getByLabel("Your name *").fill(visitor.name);
    await page.getByLabel("Email *").fill(visitor.email);
    await page.getByLabel("Company").fill(visitor.company);
    await page.getByLabel(consentText).check();
    await snap(page, "journey-01-hosted-form");
    await page.getByRole("button", { name: "Send" }).click();
    await page.getByText(thanks).waitFor();
    await snap(page, "journey-02-thanks");
    await visitorContext.close();

    // The sales agent signs in elsewhere and finds the lead in their list, owned by them.
    const agentContext = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const sales = await signIn(agentContext, app.url, agent.email, agent.password);
    await sales.getByRole("link", { name: "Leads" }).first().click();
    const table = sales.getByTestId("leads-table");
    await table.waitFor();
    await sales.getByLabel("Search leads").fill(visitor.email);
    await sales.waitForURL((url) => url.searchParams.get("q") === visitor.email);
    const row = table.getByTestId("lead-row").filter({ hasText: visitor.name });
    await row.waitFor();
    expect(await table.getByTestId("lead-row").count()).toBe(1);
    expect(await row.getByTestId("lead-owner").textContent()).toBe("Riley Rep");
    await snap(sales, "journey-03-agent-leads");

    // The lead page: owner, source (the form) and the consent with its exact wording.
    await row.getByRole("link", { name: visitor.name }).click();
    await sales.getByRole("heading", { level: 1, name: visitor.name }).waitFor();
    expect(await sales.getByTestId("lead-owner-name").textContent()).toBe("Riley Rep");
    const source = sales.getByRole("definition").filter({ hasText: "Web form" });
    await source.first().waitFor();
    await sales.getByRole("definition").filter({ hasText: formName }).first().waitFor();
    const consent = sales.getByTestId("lead-consent");
    await consent.getByText(consentText).waitFor();
    await consent.getByText(/^Web form/).waitFor();
    await sales.getByTestId("timeline").getByText(`Submitted through the form “${formName}”`).waitFor();
    await snap(sales, "journey-04-lead-page");

    // Convert: a new client and contact from the lead, and a deal in the journey pipeline.
    await sales.getByRole("button", { name: "Convert" }).click();
    const dialog = sales.getByRole("dialog");
    await expect.poll(() => dialog.getByLabel("Client name").inputValue()).toBe(visitor.company);
    await dialog.getByLabel("New contact from this lead").check();
    await dialog.getByLabel("Also open a deal").check();
    await dialog.getByLabel("Deal title").fill(dealTitle);
    await dialog.getByLabel("Value").fill("12000");
    await dialog.getByLabel("Pipeline").selectOption({ label: pipeline.name });
    await expect.poll(() => dialog.getByLabel("Stage").evaluate((el) => (el as HTMLSelectElement).selectedOptions[0]?.textContent)).toBe("Lead in");
    await snap(sales, "journey-05-convert");
    await dialog.getByRole("button", { name: "Convert lead" }).click();
    await sales.waitForURL((url) => /^\/clients\/[0-9a-f-]{36}$/.test(url.pathname));
    const clientPath = new URL(sales.url()).pathname;
    await sales.getByRole("heading", { level: 1, name: visitor.company }).waitFor();
    await sales.getByText(`${visitor.name} was converted into ${visitor.company} with a new deal.`).first().waitFor();
    await sales.getByRole("tab", { name: "Contacts" }).click();
    await sales.getByTestId("client-contacts").getByText(visitor.email).waitFor();

    // The board of the journey pipeline: drag the new deal's card to the next stage with the mouse.
    await sales.goto(`${app.url}/deals?pipelineId=${pipeline.id}`);
    await sales.getByTestId("deals-board").waitFor();
    await sales.getByRole("link", { name: dealTitle }).waitFor();
    expect(await boardColumnTitles(sales, "Lead in")).toEqual([dealTitle]);
    await snap(sales, "journey-06-board");
    const card = sales.getByTestId("deal-card").filter({ hasText: dealTitle });
    await dragWithMouse(sales, card, sales.getByRole("region", { name: "Qualified", exact: true }).getByRole("list"));
    await expect.poll(() => boardColumnTitles(sales, "Qualified")).toEqual([dealTitle]);
    await snap(sales, "journey-07-dragged");

    // The server kept it: after a reload the card is still in "Qualified".
    await sales.reload();
    await sales.getByTestId("deals-board").waitFor();
    await sales.getByRole("link", { name: dealTitle }).waitFor();
    expect(await boardColumnTitles(sales, "Qualified")).toEqual([dealTitle]);
    expect(await boardColumnTitles(sales, "Lead in")).toEqual([]);
    await snap(sales, "journey-08-reloaded");

    // The deal page: both stages in the history, the current one marked, the move on its timeline.
    await sales.getByRole("link", { name: dealTitle }).click();
    await sales.getByRole("heading", { level: 1, name: dealTitle }).waitFor();
    const history = sales.getByTestId("stage-history");
    await history.getByRole("row", { name: /^Lead in/ }).waitFor();
    await history.getByRole("row", { name: /^Qualified\s*current/ }).waitFor();
    await sales.getByText("Riley Rep moved it from Lead in to Qualified").first().waitFor();
    // The deal carries the contact the conversion created.
    await expect.poll(() => sales.getByLabel("Contact", { exact: true }).evaluate((el) => (el as HTMLSelectElement).selectedOptions[0]?.textContent), { timeout: 10_000 }).toBe(visitor.name);
    await snap(sales, "journey-09-deal-page");

    // The new client's timeline carries the lead's history: the form submission and how it came in.
    await sales.goto(`${app.url}${clientPath}?tab=timeline`);
    await sales.getByRole("heading", { level: 1, name: visitor.company }).waitFor();
    const timeline = sales.getByTestId("timeline");
    await timeline.getByText(`Submitted through the form “${formName}”`).waitFor();
    await timeline.getByText(`Created from form ${formName} · assigned to Riley Rep by rule Journey form → Riley ${stamp}`).waitFor();
    await timeline.getByText(/Riley Rep converted/).first().waitFor();
    await snap(sales, "journey-10-client-timeline");

    // And the record agrees: the lead is converted, owned by the agent, linked to all three.
    const leads = await api<LeadListResponse>(admin, "GET", `/api/leads?q=${encodeURIComponent(visitor.email)}`);
    expect(leads.data).toEqual([
      expect.objectContaining({
        status: "converted",
        source: "form",
        owner: expect.objectContaining({ id: agent.user.id }),
        conversion: expect.objectContaining({ client: expect.objectContaining({ name: visitor.company }), contactId: expect.any(String), dealId: expect.any(String) }),
      }),
    ]);
    await agentContext.close();
    await adminContext.close();
  }, 240_000);
});
