import pg from "pg";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_DOMAIN, DEMO_PASSWORD } from "../../server/db/seed/demo-seed";
import { type RunningApp, startAppProcess } from "./support/app-process";
import { launchBrowser, signIn, snap } from "./support/browser";

// The leads and deals lists at scale: virtualized rows while scrolling thousands of loaded
// records, a column chooser, and saved views that remember filters and columns.
let app: RunningApp;
let browser: Browser;
const LEADS = 2000;
const DEALS = 400;
const stamp = Date.now();
const leadTag = `vlead${stamp}`;
const dealTag = `vdeal${stamp}`;
let pipelineId = "";

beforeAll(async () => {
  app = await startAppProcess();
  browser = await launchBrowser();
  const db = new pg.Client({ connectionString: app.databaseUrl });
  await db.connect();
  try {
    const { rows } = await db.query<{ workspace_id: string }>("select workspace_id from users where email = $1", [`admin@${DEMO_DOMAIN}`]);
    const workspaceId = rows[0]!.workspace_id;
    await db.query(
      `insert into leads (id, workspace_id, name, company, status, score, tags)
       select gen_random_uuid(), $1, 'Bulk lead ' || lpad(i::text, 5, '0'), 'Bulk Co ' || i, 'new', i % 100, array[$2::text]
       from generate_series(1, ${LEADS}) as i`,
      [workspaceId, leadTag],
    );
    const pipeline = await db.query<{ pipeline_id: string; stage_id: string }>(
      `select p.id as pipeline_id, s.id as stage_id from pipelines p join pipeline_stages s on s.pipeline_id = p.id
       where p.workspace_id = $1 order by p.position, p.id, s.position limit 1`,
      [workspaceId],
    );
    pipelineId = pipeline.rows[0]!.pipeline_id;
    await db.query(
      `insert into deals (id, workspace_id, pipeline_id, stage_id, title, value_minor, currency, position, tags)
       select gen_random_uuid(), $1, $2, $3, 'Bulk deal ' || lpad(i::text, 5, '0'), i * 100, 'USD', i, array[$4::text]
       from generate_series(1, ${DEALS}) as i`,
      [workspaceId, pipelineId, pipeline.rows[0]!.stage_id, dealTag],
    );
  } finally {
    await db.end();
  }
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

/** Scrolls the table's box to the end until every record is loaded; returns the row counts seen. */
async function scrollToEnd(page: Page, testId: string, rowTestId: string, done: string): Promise<number[]> {
  const scroller = page.getByTestId(`${testId}-scroll`);
  const counts: number[] = [];
  for (let i = 0; i < 80; i++) {
    await scroller.evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
    await page.waitForTimeout(120);
    counts.push(await page.getByTestId(rowTestId).count());
    if ((await page.getByText(done).count()) > 0) break;
  }
  await page.getByText(done).waitFor({ timeout: 20_000 });
  await scroller.evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
  return counts;
}

describe("leads and deals lists at scale", () => {
  it("scrolling 2,000 loaded leads keeps only the visible rows in the DOM", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
    const admin = await signIn(context, app.url, `admin@${DEMO_DOMAIN}`, DEMO_PASSWORD);
    await admin.goto(`${app.url}/leads?tag=${leadTag}&sort=name&order=asc`);
    await admin.getByTestId("lead-row").first().waitFor();
    const counts = await scrollToEnd(admin, "leads-table", "lead-row", `Showing ${LEADS} leads — that's all`);
    // The last lead is rendered at the bottom; the first one is not in the DOM any more.
    await admin.getByRole("link", { name: "Bulk lead 02000" }).waitFor();
    expect(await admin.getByRole("link", { name: "Bulk lead 00001" }).count()).toBe(0);
    const inDom = await admin.getByTestId("lead-row").count();
    expect(Math.max(...counts, inDom)).toBeLessThan(120);
    expect(await admin.getByTestId("leads-table").getAttribute("aria-rowcount")).toBe(String(LEADS + 1));
    // Selecting all still selects every loaded lead, not only the rendered ones.
    await admin.getByLabel("Select all leads").check();
    await admin.getByText(`${LEADS} leads selected`).waitFor();
    await admin.getByLabel("Deselect all leads").uncheck();
    // Back to the top: the first rows are rendered again.
    await admin.getByTestId("leads-table-scroll").evaluate((el) => el.scrollTo({ top: 0 }));
    await admin.getByRole("link", { name: "Bulk lead 00001" }).waitFor();
    await snap(admin, "lists-01-virtual-leads");
    await context.close();
  });

  it("saves a lead view with its columns; applying it after a reset restores filters and columns", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
    const admin = await signIn(context, app.url, `admin@${DEMO_DOMAIN}`, DEMO_PASSWORD);
    await admin.goto(`${app.url}/leads?tag=${leadTag}&sort=name&order=desc`);
    await admin.getByRole("link", { name: "Bulk lead 02000" }).waitFor();
    // Hide Source, move Score before Status, then save the view.
    await admin.getByRole("button", { name: "Columns" }).click();
    const chooser = admin.getByRole("dialog", { name: "Choose columns" });
    await chooser.getByRole("checkbox", { name: "Source" }).uncheck();
    await chooser.getByRole("button", { name: "Move Score up" }).click();
    await admin.keyboard.press("Escape");
    await expect.poll(() => admin.getByRole("columnheader", { name: "Source" }).count()).toBe(0);
    const headers = () => admin.getByTestId("leads-table").getByRole("columnheader").allTextContents();
    await expect.poll(async () => (await headers()).filter((h) => h === "Status" || h.startsWith("Score"))).toEqual(["Score", "Status"]);
    await admin.getByRole("button", { name: "Save view" }).click();
    const dialog = admin.getByRole("dialog", { name: "Save view" });
    await dialog.getByLabel("View name").fill("Bulk leads, Z first");
    await dialog.getByRole("button", { name: "Save view" }).click();
    await admin.getByText("Saved “Bulk leads, Z first”.").waitFor();

    // A fresh start: no filters, the default columns.
    await admin.evaluate(() => localStorage.removeItem("agency-os.columns.leads"));
    await admin.goto(`${app.url}/leads`);
    await admin.getByRole("columnheader", { name: "Source" }).waitFor();
    expect(await admin.getByRole("button", { name: "All leads", exact: true }).getAttribute("aria-pressed")).toBe("true");

    await admin.getByRole("button", { name: "Bulk leads, Z first", exact: true }).click();
    await admin.waitForURL((url) => url.searchParams.get("tag") === leadTag && url.searchParams.get("order") === "desc");
    await admin.getByRole("link", { name: "Bulk lead 02000" }).waitFor();
    await expect.poll(() => admin.getByRole("columnheader", { name: "Source" }).count()).toBe(0);
    await expect.poll(async () => (await headers()).filter((h) => h === "Status" || h.startsWith("Score"))).toEqual(["Score", "Status"]);
    expect(await admin.getByRole("button", { name: "Bulk leads, Z first", exact: true }).getAttribute("aria-pressed")).toBe("true");
    await snap(admin, "lists-02-lead-view");
    await context.close();
  });

  it("the deals list view is virtualized, chooses columns and saves views", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
    const admin = await signIn(context, app.url, `admin@${DEMO_DOMAIN}`, DEMO_PASSWORD);
    await admin.goto(`${app.url}/deals?view=list&pipelineId=${pipelineId}&tag=${dealTag}&sort=title&order=asc`);
    await admin.getByTestId("deal-row").first().waitFor();
    const counts = await scrollToEnd(admin, "deals-table", "deal-row", `Showing ${DEALS} deals — that's all`);
    await admin.getByRole("link", { name: "Bulk deal 00400" }).waitFor();
    expect(await admin.getByRole("link", { name: "Bulk deal 00001" }).count()).toBe(0);
    expect(Math.max(...counts, await admin.getByTestId("deal-row").count())).toBeLessThan(120);
    expect(await admin.getByTestId("deals-table").getAttribute("aria-rowcount")).toBe(String(DEALS + 1));

    // Hide the Owner column and save the list as a shared view.
    await admin.getByRole("button", { name: "Columns" }).click();
    await admin.getByRole("dialog", { name: "Choose columns" }).getByRole("checkbox", { name: "Owner" }).uncheck();
    await admin.keyboard.press("Escape");
    await expect.poll(() => admin.getByRole("columnheader", { name: "Owner" }).count()).toBe(0);
    await admin.getByRole("button", { name: "Save view" }).click();
    const dialog = admin.getByRole("dialog", { name: "Save view" });
    await dialog.getByLabel("View name").fill("Bulk deals");
    await dialog.getByLabel("Everyone in the workspace").check();
    await dialog.getByRole("button", { name: "Save view" }).click();
    await admin.getByText("Saved “Bulk deals”.").waitFor();

    // "All deals" drops the filters but keeps the list view and the pipeline; the view brings them back.
    await admin.evaluate(() => localStorage.removeItem("agency-os.columns.deals"));
    await admin.reload();
    await admin.getByRole("columnheader", { name: "Owner" }).waitFor();
    await admin.getByRole("button", { name: "All deals", exact: true }).click();
    await admin.waitForURL((url) => !url.searchParams.has("tag") && url.searchParams.get("view") === "list" && url.searchParams.get("pipelineId") === pipelineId);
    await admin.getByRole("button", { name: "Bulk deals", exact: true }).click();
    await admin.waitForURL((url) => url.searchParams.get("tag") === dealTag);
    await admin.getByRole("link", { name: "Bulk deal 00001" }).waitFor();
    await expect.poll(() => admin.getByRole("columnheader", { name: "Owner" }).count()).toBe(0);
    await snap(admin, "lists-03-deals");
    await context.close();
  });
});
