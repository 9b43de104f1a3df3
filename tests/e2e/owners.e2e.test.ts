import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_DOMAIN, DEMO_PASSWORD } from "../../server/db/seed/demo-seed";
import { type RunningApp, startAppProcess } from "./support/app-process";
import { launchBrowser, signIn } from "./support/browser";

// Owner pickers offer only people who may own the record type (the API's canOwn answer), and people
// who only see their own deals get no owner filter on the deals board or list.
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

const optionLabels = (select: import("playwright-core").Locator) => select.locator("option").allTextContents();

describe("owner pickers", () => {
  it("an admin's deal filter, new-deal owner and new-lead owner pickers list the team but not the creator", async () => {
    const context = await browser.newContext({ viewport: { width: 1600, height: 900 } });
    const page = await signIn(context, app.url, `admin@${DEMO_DOMAIN}`, DEMO_PASSWORD);

    await page.goto(`${app.url}/deals`);
    await page.getByTestId("deals-board").waitFor();
    const filter = page.getByLabel("Owner");
    await expect.poll(() => optionLabels(filter)).toContain("Sasha Sales");
    expect(await optionLabels(filter)).not.toContain("Casey Creator");

    await page.getByRole("button", { name: "New deal" }).click();
    const dealOwner = page.getByRole("dialog").getByLabel("Owner");
    await expect.poll(() => optionLabels(dealOwner)).toContain("Sam Staff");
    expect(await optionLabels(dealOwner)).not.toContain("Casey Creator");
    await page.keyboard.press("Escape");

    await page.goto(`${app.url}/leads`);
    await page.getByRole("button", { name: "New lead" }).first().click();
    const leadOwner = page.getByRole("dialog").getByLabel("Owner");
    await expect.poll(() => optionLabels(leadOwner)).toContain("Morgan Manager");
    expect(await optionLabels(leadOwner)).not.toContain("Casey Creator");
    await context.close();
  });

  it("a sales agent gets no owner filter on the deals board or list (they only see their own deals)", async () => {
    const context = await browser.newContext({ viewport: { width: 1600, height: 900 } });
    const page = await signIn(context, app.url, `sales@${DEMO_DOMAIN}`, DEMO_PASSWORD);
    await page.goto(`${app.url}/deals`);
    await page.getByTestId("deals-board").waitFor();
    await page.getByLabel("Search deals").waitFor();
    expect(await page.getByLabel("Owner").count()).toBe(0);
    await page.goto(`${app.url}/deals?view=list`);
    await page.getByLabel("Stage").waitFor();
    expect(await page.getByLabel("Owner").count()).toBe(0);
    await context.close();
  });
});
