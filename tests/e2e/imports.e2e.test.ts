import { readFile } from "node:fs/promises";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_DOMAIN, DEMO_PASSWORD } from "../../server/db/seed/demo-seed";
import type { ClientListResponse } from "../../shared/contracts/clients";
import { api } from "./support/api";
import { type RunningApp, startAppProcess } from "./support/app-process";
import { launchBrowser, signIn, snap } from "./support/browser";

// CSV import in a real browser: upload → mapping → dry run (a background job the wizard polls) →
// leave, come back to the checked import from the history → start → background job with live
// progress → summary → the rejected-rows report.
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

describe("imports: a client CSV with bad rows", () => {
  it("maps, checks, imports with live progress and downloads the rejected rows", async () => {
    const stamp = Date.now();
    const good = Array.from({ length: 40 }, (_, i) => `Imported Co ${stamp}-${i},imported-${stamp}-${i}.test,Retail,GB`);
    const csv = ["Company Name,Website,Industry,Country", ...good.slice(0, 20), `,no-name-${stamp}.test,Retail,GB`, ...good.slice(20), `Bad Country ${stamp},bad-${stamp}.test,Retail,Britain`].join("\n");

    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    const page = await signIn(context, app.url, `admin@${DEMO_DOMAIN}`, DEMO_PASSWORD);

    // From the clients list to the wizard, clients preselected.
    await page.getByRole("link", { name: "Clients" }).first().click();
    await page.getByRole("link", { name: "Import", exact: true }).click();
    await page.waitForURL((url) => url.pathname === "/imports/new");
    await expect.poll(() => page.getByRole("radio", { name: "Clients" }).isChecked()).toBe(true);
    await page.getByLabel("CSV file").setInputFiles({ name: `clients-${stamp}.csv`, mimeType: "text/csv", buffer: Buffer.from(csv) });

    // Mapping suggested from the headers.
    await page.getByRole("heading", { name: "Map the columns" }).waitFor();
    expect(await page.getByLabel("Company Name", { exact: true }).inputValue()).toBe("name");
    expect(await page.getByLabel("Website", { exact: true }).inputValue()).toBe("website");
    expect(await page.getByLabel("Country", { exact: true }).inputValue()).toBe("address.country");
    await snap(page, "imports-01-mapping");
    await page.getByRole("button", { name: "Check the file" }).click();

    // Dry run (its job checks every row while the wizard polls): two rows rejected, with their row
    // numbers and reasons, and the count per column.
    await page.getByRole("heading", { name: "Dry run" }).waitFor({ timeout: 30_000 });
    const rejected = page.getByRole("table", { name: "Rejected rows" });
    await rejected.getByText("Enter the client's name").waitFor();
    await rejected.getByText("Use a two-letter country code, e.g. GB").waitFor();
    expect(await rejected.getByRole("row").nth(1).getByRole("cell").first().textContent()).toBe("22");
    const perColumn = page.getByRole("list", { name: "Rejected rows per column" });
    await perColumn.getByText("Company Name: 1 row").waitFor();
    await perColumn.getByText("Country: 1 row").waitFor();
    await snap(page, "imports-02-dry-run");

    // Leave the wizard; the checked import waits in the history, ready to start.
    await page.getByRole("link", { name: "Imports", exact: true }).first().click();
    await page.getByRole("link", { name: `clients-${stamp}.csv` }).click();
    await page.waitForURL((url) => /^\/imports\/[0-9a-f-]{36}$/.test(url.pathname));
    await page.getByRole("heading", { name: "Dry run" }).waitFor();
    await page.getByRole("table", { name: "Rejected rows" }).getByText("Enter the client's name").waitFor();
    await page.getByRole("button", { name: "Start import" }).click();

    // Live progress until the job finishes.
    await page.getByRole("heading", { name: "Import finished" }).waitFor({ timeout: 30_000 });
    expect(await page.getByRole("progressbar", { name: "Import progress" }).getAttribute("aria-valuenow")).toBe("100");
    expect(await page.getByTestId("count-created").textContent()).toBe("40");
    expect(await page.getByTestId("count-rejected").textContent()).toBe("2");
    await page.waitForTimeout(600); // let the bar finish its width transition for the screenshot
    await snap(page, "imports-03-finished");

    // The report: the file's columns, the row number and the reasons.
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download rejected rows" }).click()]);
    expect(download.suggestedFilename()).toBe(`clients-${stamp}-rejected-rows.csv`);
    const report = (await readFile((await download.path())!, "utf8")).split("\r\n");
    expect(report[0]).toBe("Company Name,Website,Industry,Country,row,errors");
    expect(report[1]).toBe(`,no-name-${stamp}.test,Retail,GB,22,Company Name: Enter the client's name`);
    expect(report[2]).toBe(`Bad Country ${stamp},bad-${stamp}.test,Retail,Britain,43,Country: Use a two-letter country code, e.g. GB`.replace(/,Country: (.*)$/, ',"Country: $1"'));

    // The history lists it; the imported clients are there.
    await page.getByRole("link", { name: "Imports", exact: true }).first().click();
    await page.getByRole("link", { name: `clients-${stamp}.csv` }).waitFor();
    const found = await api<ClientListResponse>(page, "GET", `/api/clients?q=${encodeURIComponent(`Imported Co ${stamp}-7`)}`);
    expect(found.data.map((c) => c.name)).toContain(`Imported Co ${stamp}-7`);
    await context.close();
  });
});
