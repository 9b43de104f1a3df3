import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_DOMAIN, DEMO_PASSWORD } from "../../server/db/seed/demo-seed";
import { type RunningApp, startAppProcess } from "./support/app-process";
import { launchBrowser, signIn, snap } from "./support/browser";

// Custom fields in a real browser: define "Tier" → set it on clients → column, required check, filter.
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

describe("custom fields: define a select field, fill it in, see and filter it in the list", () => {
  it("walks the whole flow in the UI", async () => {
    const stamp = Date.now();
    const goldName = `Gilded Goods ${stamp}`;
    const silverName = `Silverline Studio ${stamp}`;
    const context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
    const admin = await signIn(context, app.url, `admin@${DEMO_DOMAIN}`, DEMO_PASSWORD);

    // Settings → Custom fields: the empty state, then add "Tier" (Gold/Silver) for clients.
    await admin.getByRole("link", { name: "Custom fields" }).click();
    await admin.getByText("No custom fields yet — add one to track what matters to your agency").waitFor();
    await snap(admin, "cf-01-settings-empty");
    await admin.getByRole("button", { name: "Add field" }).first().click();
    const dialog = admin.getByRole("dialog");
    await dialog.getByLabel("Label", { exact: true }).fill("Tier");
    await expect.poll(() => dialog.getByLabel("Key", { exact: true }).inputValue()).toBe("tier");
    await dialog.getByLabel("Type", { exact: true }).selectOption("select");
    await dialog.getByLabel("Choice 1", { exact: true }).fill("Gold");
    await dialog.getByRole("button", { name: "Add choice" }).click();
    await dialog.getByLabel("Choice 2", { exact: true }).fill("Silver");
    await snap(admin, "cf-02-add-field");
    await dialog.getByRole("button", { name: "Add field" }).click();
    await dialog.waitFor({ state: "detached" });
    const row = admin.getByTestId("custom-field-row").filter({ hasText: "Tier" });
    await row.waitFor();
    await expect(row.textContent()).resolves.toContain("Gold, Silver");

    // A client created with Tier=Silver from the list's dialog, and one with no tier yet.
    await admin.goto(`${app.url}/clients`);
    await admin.getByTestId("clients-table").waitFor();
    await admin.getByRole("button", { name: "New client" }).first().click();
    const create = admin.getByRole("dialog");
    await create.getByLabel("Name").fill(silverName);
    await create.getByLabel("Tier").selectOption("Silver");
    await create.getByRole("button", { name: "Create client" }).click();
    await admin.getByRole("heading", { level: 1, name: silverName }).waitFor();
    await admin.goto(`${app.url}/clients`);
    await admin.getByRole("button", { name: "New client" }).first().click();
    await admin.getByRole("dialog").getByLabel("Name").fill(goldName);
    await admin.getByRole("dialog").getByRole("button", { name: "Create client" }).click();
    await admin.getByRole("heading", { level: 1, name: goldName }).waitFor();
    const goldUrl = admin.url();

    // Make Tier required.
    await admin.goto(`${app.url}/settings/custom-fields`);
    await admin.getByRole("button", { name: "Edit Tier" }).click();
    const edit = admin.getByRole("dialog");
    await expect(edit.getByLabel("Key", { exact: true }).getAttribute("readonly")).resolves.not.toBeNull();
    await edit.getByLabel("Required — every record must have a value").check();
    await edit.getByRole("button", { name: "Save field" }).click();
    await edit.waitFor({ state: "detached" });
    await admin.getByTestId("custom-field-row").filter({ hasText: "Required" }).waitFor();

    // On the client's details: only the defined choices can be picked; saving without a tier fails.
    await admin.goto(goldUrl);
    const tier = admin.getByLabel("Tier *");
    await tier.waitFor();
    const choices = await tier.locator("option").allTextContents();
    expect(choices).toEqual(["—", "Gold", "Silver"]);
    await expect(tier.selectOption("Bronze", { timeout: 1000 })).rejects.toThrow();
    await admin.getByLabel("Industry").fill("Retail");
    await admin.getByRole("button", { name: "Save changes" }).click();
    await admin.getByText("Tier is required").waitFor();
    await snap(admin, "cf-03-required-error");
    await tier.selectOption("Gold");
    await admin.getByRole("button", { name: "Save changes" }).click();
    await admin.getByText("Client details saved.").waitFor();

    // The list shows the Tier column; filtering by Tier=Gold leaves only that client.
    await admin.goto(`${app.url}/clients`);
    await admin.getByRole("columnheader", { name: "Tier" }).waitFor();
    await admin.getByLabel("Filter by custom field").selectOption("tier");
    await admin.getByLabel("Tier value").selectOption("Gold");
    await admin.waitForURL((url) => url.searchParams.get("cf") === "tier:Gold");
    await expect.poll(() => admin.getByTestId("client-row").count()).toBe(1);
    await expect(admin.getByTestId("client-row").first().textContent()).resolves.toContain(goldName);
    await expect(admin.getByTestId("client-row").first().textContent()).resolves.toContain("Gold");
    await snap(admin, "cf-04-filtered-list");

    // Sorting by the custom column keeps it in the URL.
    await admin.getByRole("button", { name: "Tier" }).click();
    await admin.waitForURL((url) => url.searchParams.get("sort") === "custom" && url.searchParams.get("sortKey") === "tier");

    // Narrow screens: settings and the filtered list still fit.
    await admin.setViewportSize({ width: 375, height: 800 });
    await snap(admin, "cf-05-filtered-list-375");
    await admin.goto(`${app.url}/settings/custom-fields`);
    await admin.getByTestId("custom-field-row").first().waitFor();
    await snap(admin, "cf-06-settings-375");
    await admin.setViewportSize({ width: 1280, height: 860 });
    await snap(admin, "cf-07-settings-1280");
    await context.close();
  });
});
