import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_DOMAIN, DEMO_PASSWORD } from "../../server/db/seed/demo-seed";
import { api, createPipeline } from "./support/api";
import { type RunningApp, startAppProcess } from "./support/app-process";
import { boardColumnTitles, dragWithMouse, launchBrowser, signIn, snap } from "./support/browser";

// Deals in a real browser: drag a card across stages with the mouse, move one with the keyboard,
// reload, and see both moves kept.
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

describe("deals: kanban board", () => {
  it("moves a deal with the mouse and another with the keyboard, and both moves survive a reload", async () => {
    const stamp = Date.now();
    const context = await browser.newContext({ viewport: { width: 1600, height: 900 } });
    const page = await signIn(context, app.url, `admin@${DEMO_DOMAIN}`, DEMO_PASSWORD);

    // A pipeline of its own (the demo's are full of deals), with the standard five stages; two deals
    // in its first stage, on one of the demo clients.
    const pipeline = await createPipeline(page, { name: `E2E board ${stamp}` });
    const openBoard = () => page.goto(`${app.url}/deals?pipelineId=${pipeline.id}`);
    const clients = await api<{ data: { id: string }[] }>(page, "GET", "/api/clients?limit=1");
    const mouseDeal = `Mouse deal ${stamp}`;
    const keyDeal = `Keyboard deal ${stamp}`;
    await api(page, "POST", "/api/deals", { title: keyDeal, clientId: clients.data[0]!.id, valueMinor: 500000, pipelineId: pipeline.id });

    // The other one through "New deal": the form explains what is missing, then picks a client by search.
    await openBoard();
    await page.getByTestId("deals-board").waitFor();
    await page.getByRole("button", { name: "New deal" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByRole("button", { name: "Create deal" }).click();
    await dialog.getByText("Enter the deal's title").waitFor();
    await dialog.getByText("Choose a client or a lead").waitFor();
    await dialog.getByLabel("Title").fill(mouseDeal);
    await dialog.getByLabel("Client").fill("Acme");
    await dialog.getByRole("button", { name: /Acme/ }).first().click();
    await dialog.getByLabel("Value").fill("5000");
    await snap(page, "deals-00-new-deal");
    await dialog.getByRole("button", { name: "Create deal" }).click();
    await page.getByRole("heading", { level: 1, name: mouseDeal }).waitFor();
    await openBoard();
    await page.getByTestId("deals-board").waitFor();
    await page.getByRole("link", { name: mouseDeal }).waitFor();
    expect(await boardColumnTitles(page, "Lead in")).toEqual(expect.arrayContaining([mouseDeal, keyDeal]));
    await snap(page, "deals-01-board");

    // Mouse: drag the first card onto the "Qualified" column.
    const card = page.getByTestId("deal-card").filter({ hasText: mouseDeal });
    const target = page.getByRole("region", { name: "Qualified", exact: true }).getByRole("list");
    await dragWithMouse(page, card, target);
    await expect.poll(() => boardColumnTitles(page, "Qualified")).toContain(mouseDeal);
    await snap(page, "deals-02-dragged");

    // Keyboard: pick up with Space on the handle, one column right, drop with Space.
    const handle = page.getByRole("button", { name: `Move deal ${keyDeal}` });
    await handle.focus();
    await page.keyboard.press("Space");
    // Picked up: the handle is pressed and a screen-reader announcement names the deal.
    await expect.poll(() => handle.getAttribute("aria-pressed")).toBe("true");
    await page.getByText(`Deal ${keyDeal} is over Lead in.`).first().waitFor({ state: "attached" });
    await page.keyboard.press("ArrowRight");
    await page.getByText(`Deal ${keyDeal} is over Qualified.`).first().waitFor({ state: "attached" });
    await page.keyboard.press("Space");
    await expect.poll(() => boardColumnTitles(page, "Qualified")).toContain(keyDeal);
    await page.getByText(`Deal ${keyDeal} was dropped in Qualified`).first().waitFor({ state: "attached" });

    // The server kept both moves: after a reload both cards are in "Qualified", with history.
    await expect
      .poll(async () => (await api<{ data: { title: string; stage: { name: string } }[] }>(page, "GET", `/api/deals?pipelineId=${pipeline.id}&q=${stamp}`)).data.map((d) => d.stage.name))
      .toEqual(["Qualified", "Qualified"]);
    await page.reload();
    await page.getByTestId("deals-board").waitFor();
    await page.getByRole("link", { name: keyDeal }).waitFor();
    expect(await boardColumnTitles(page, "Qualified")).toEqual(expect.arrayContaining([mouseDeal, keyDeal]));
    expect(await boardColumnTitles(page, "Lead in")).not.toContain(mouseDeal);
    await snap(page, "deals-03-reloaded");

    // The deal page shows the stage history and the stage change on the timeline.
    await page.getByRole("link", { name: keyDeal }).click();
    await page.getByRole("heading", { level: 1, name: keyDeal }).waitFor();
    await page.getByTestId("stage-history").getByText("Lead in").waitFor();
    await page.getByText(/Lead in.*Qualified|moved .*Qualified/i).first().waitFor();
    await snap(page, "deals-04-deal-page");

    // Lost needs a reason; the list view then shows it as lost.
    await page.getByRole("button", { name: "Lost" }).click();
    const lost = page.getByRole("dialog");
    await lost.getByRole("button", { name: "Mark lost" }).click();
    await lost.getByText("Say why the deal was lost").waitFor();
    await lost.getByLabel("Reason lost").fill("Budget moved to next year");
    await lost.getByRole("button", { name: "Mark lost" }).click();
    await page.getByText("Lost", { exact: true }).first().waitFor();
    await openBoard();
    await page.getByRole("tab", { name: "List" }).click();
    await page.getByLabel("Search deals").fill(String(stamp));
    await expect.poll(() => page.getByTestId("deal-row").count()).toBe(2);
    await page.getByTestId("deal-row").filter({ hasText: keyDeal }).getByText("Lost").waitFor();
    await snap(page, "deals-05-list");
    await page.getByRole("tab", { name: "Forecast" }).click();
    await page.getByTestId("forecast-table").waitFor();
    await snap(page, "deals-06-forecast");
    await page.getByRole("link", { name: "Pipelines" }).first().click();
    await page.getByRole("heading", { level: 1, name: "Pipelines" }).waitFor();
    await page.getByLabel("Win probability of Proposal (%)").first().waitFor();
    await snap(page, "deals-07-pipelines");
    await context.close();
  });
});
