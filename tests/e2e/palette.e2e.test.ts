import pg from "pg";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_DOMAIN, DEMO_PASSWORD } from "../../server/db/seed/demo-seed";
import { type RunningApp, startAppProcess } from "./support/app-process";
import { launchBrowser, signIn, snap } from "./support/browser";

// Lists at scale and the global search palette: 2,000 clients scroll through a virtualized table,
// Ctrl+K finds a client by a misspelt name, and a saved view survives a reload.
let app: RunningApp;
let browser: Browser;
const BULK = 2000;
const stamp = Date.now();
const tag = `bulk${stamp}`;
const target = `Quillfeather Studios ${stamp}`;

beforeAll(async () => {
  app = await startAppProcess();
  browser = await launchBrowser();
  const db = new pg.Client({ connectionString: app.databaseUrl });
  await db.connect();
  try {
    const { rows } = await db.query<{ workspace_id: string }>("select workspace_id from users where email = $1", [`admin@${DEMO_DOMAIN}`]);
    const workspaceId = rows[0]!.workspace_id;
    await db.query(
      `insert into clients (id, workspace_id, name, status, tags)
       select gen_random_uuid(), $1, 'Bulk client ' || lpad(i::text, 5, '0'), 'active', array[$2::text]
       from generate_series(1, ${BULK}) as i`,
      [workspaceId, tag],
    );
    await db.query("insert into clients (id, workspace_id, name, status, industry) values (gen_random_uuid(), $1, $2, 'active', 'Publishing')", [workspaceId, target]);
  } finally {
    await db.end();
  }
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

const rowCount = (page: Page) => page.getByTestId("client-row").count();

describe("lists at scale and global search", () => {
  it("scrolling 2,000 loaded clients keeps only the visible rows in the DOM", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
    const admin = await signIn(context, app.url, `admin@${DEMO_DOMAIN}`, DEMO_PASSWORD);
    await admin.goto(`${app.url}/clients?tag=${tag}`);
    await admin.getByTestId("client-row").first().waitFor();
    const scroller = admin.getByTestId("clients-table-scroll");
    const counts: number[] = [];
    // Scroll to the end again and again: each time near the end loads the next page.
    for (let i = 0; i < 80; i++) {
      await scroller.evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
      await admin.waitForTimeout(120);
      counts.push(await rowCount(admin));
      if ((await admin.getByText(`Showing ${BULK} clients — that's all`).count()) > 0) break;
    }
    await admin.getByText(`Showing ${BULK} clients — that's all`).waitFor({ timeout: 20_000 });
    await scroller.evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
    // The last client is rendered at the bottom, the first one is not in the DOM any more.
    await admin.getByRole("link", { name: "Bulk client 02000" }).waitFor();
    expect(await admin.getByRole("link", { name: "Bulk client 00001" }).count()).toBe(0);
    const inDom = await rowCount(admin);
    expect(Math.max(...counts, inDom)).toBeLessThan(120);
    expect(await admin.getByTestId("clients-table").getAttribute("aria-rowcount")).toBe(String(BULK + 1));
    // Back to the top: the first rows are rendered again.
    await scroller.evaluate((el) => el.scrollTo({ top: 0 }));
    await admin.getByRole("link", { name: "Bulk client 00001" }).waitFor();
    await snap(admin, "palette-01-virtual-list");
    await context.close();
  });

  it("Ctrl+K finds a client by a misspelt name and Enter opens it", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
    const admin = await signIn(context, app.url, `admin@${DEMO_DOMAIN}`, DEMO_PASSWORD);
    await admin.getByTestId("open-search").waitFor();
    await admin.keyboard.press("Control+K");
    const input = admin.getByPlaceholder("Search clients, contacts, leads and deals…");
    await input.waitFor();
    await input.fill(`Quilfeather Studos ${stamp}`);
    await admin.getByTestId("search-result").filter({ hasText: target }).first().waitFor();
    await snap(admin, "palette-02-results");
    // The best match is first and selected: Enter opens it.
    await expect.poll(() => admin.getByTestId("search-result").first().textContent()).toContain(target);
    await admin.keyboard.press("Enter");
    await admin.waitForURL((url) => /^\/clients\/[0-9a-f-]{36}$/.test(url.pathname));
    await admin.getByRole("heading", { level: 1, name: target }).waitFor();
    // Escape closes the palette; reopening lists the record under Recent.
    await admin.keyboard.press("Control+K");
    await admin.getByText("Recent", { exact: true }).waitFor();
    await admin.keyboard.press("Escape");
    await expect.poll(() => input.count()).toBe(0);
    await context.close();
  });

  it("saves a view of the clients list, and after a reload applying it restores filters and columns", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
    const admin = await signIn(context, app.url, `admin@${DEMO_DOMAIN}`, DEMO_PASSWORD);
    await admin.goto(`${app.url}/clients?tag=${tag}&sort=name&order=desc`);
    await admin.getByRole("link", { name: "Bulk client 02000" }).waitFor();
    // Hide the Tags column, then save the view.
    await admin.getByRole("button", { name: "Columns" }).click();
    await admin.getByRole("dialog", { name: "Choose columns" }).getByRole("checkbox", { name: "Tags" }).uncheck();
    await admin.keyboard.press("Escape");
    await expect.poll(() => admin.getByRole("columnheader", { name: "Tags" }).count()).toBe(0);
    await admin.getByRole("button", { name: "Save view" }).click();
    const dialog = admin.getByRole("dialog", { name: "Save view" });
    await dialog.getByLabel("View name").fill("Bulk, newest names");
    await dialog.getByLabel("Everyone in the workspace").check();
    await dialog.getByRole("button", { name: "Save view" }).click();
    await admin.getByText("Saved “Bulk, newest names”.").waitFor();
    await expect.poll(() => admin.getByRole("button", { name: "Bulk, newest names", exact: true }).getAttribute("aria-pressed")).toBe("true");

    // A fresh start: no filters, every column back.
    await admin.evaluate(() => localStorage.removeItem("agency-os.columns.clients"));
    await admin.goto(`${app.url}/clients`);
    await admin.reload();
    await admin.getByRole("columnheader", { name: "Tags" }).waitFor();
    await snap(admin, "palette-03-views-bar");

    await admin.getByRole("button", { name: "Bulk, newest names", exact: true }).click();
    await admin.waitForURL((url) => url.searchParams.get("tag") === tag && url.searchParams.get("order") === "desc");
    await admin.getByRole("link", { name: "Bulk client 02000" }).waitFor();
    await expect.poll(() => admin.getByRole("columnheader", { name: "Tags" }).count()).toBe(0);
    expect(await admin.getByRole("button", { name: "Bulk, newest names", exact: true }).getAttribute("aria-pressed")).toBe("true");

    // The contacts list carries the same bar and table.
    await admin.goto(`${app.url}/contacts`);
    await admin.getByTestId("contact-row").first().waitFor();
    expect(await admin.getByRole("button", { name: "All contacts", exact: true }).getAttribute("aria-pressed")).toBe("true");
    expect(await admin.getByRole("button", { name: "Bulk, newest names", exact: true }).count()).toBe(0);
    await snap(admin, "palette-04-contacts");
    await admin.goBack();
    await admin.getByRole("link", { name: "Bulk client 02000" }).waitFor();

    // Delete asks first.
    await admin.getByRole("button", { name: "Actions for view Bulk, newest names" }).click();
    await admin.getByRole("menuitem", { name: "Delete view…" }).click();
    await admin.getByRole("alertdialog").getByRole("button", { name: "Delete view" }).click();
    await expect.poll(() => admin.getByRole("button", { name: "Bulk, newest names", exact: true }).count()).toBe(0);
    await context.close();
  });
});
