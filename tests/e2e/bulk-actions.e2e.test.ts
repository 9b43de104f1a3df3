import { readFileSync } from "node:fs";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_DOMAIN, DEMO_PASSWORD } from "../../server/db/seed/demo-seed";
import { api, apiResult } from "./support/api";
import { type RunningApp, startAppProcess } from "./support/app-process";
import { launchBrowser, signIn, snap } from "./support/browser";

// The one bulk-actions bar on the client, lead and deal lists: select rows, hand them to another
// owner, then delete one after a confirmation that names the count. The contact list uses the same
// bar for delete only, and its Export CSV button downloads the filtered list.
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

const status = async (page: Page, path: string) => (await apiResult(page, "GET", path)).status;

/**
 * On a list filtered to two fresh records: select all, assign them to `ownerName`, check both rows and
 * the API say so, then delete the first one through the confirm dialog and check it is gone.
 */
async function assignThenDelete(
  page: Page,
  list: { url: string; tableId: string; one: string; many: string; apiPath: string; rows: { id: string; name: string }[] },
  owner: { id: string; name: string },
): Promise<void> {
  const [first, second] = list.rows as [{ id: string; name: string }, { id: string; name: string }];
  await page.goto(`${app.url}${list.url}`);
  const table = page.getByTestId(list.tableId);
  await table.getByText(first.name).waitFor();
  await table.getByText(second.name).waitFor();

  // Assign owner on both.
  await page.getByLabel(`Select all ${list.many}`).check();
  await page.getByRole("region", { name: "Bulk actions" }).getByText(`2 ${list.many} selected`).waitFor();
  await page.getByRole("button", { name: "Bulk actions" }).click();
  await page.getByRole("menuitem", { name: "Assign owner…" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByText(`Applies to 2 ${list.many}.`, { exact: false }).waitFor();
  await dialog.getByLabel("Owner").selectOption({ label: owner.name });
  await dialog.getByRole("button", { name: `Apply to 2 ${list.many}` }).click();
  await page.getByRole("status").getByText("2 updated").first().waitFor();
  for (const row of list.rows) await table.getByRole("row", { name: new RegExp(row.name) }).getByText(owner.name).waitFor();
  for (const row of list.rows) {
    const saved = await api<{ data: { owner: { id: string } | null } }>(page, "GET", `${list.apiPath}/${row.id}`);
    expect(saved.data.owner?.id).toBe(owner.id);
  }
  await snap(page, `bulk-${list.many}-1-assigned`);

  // Delete one, after the confirmation names the count; cancelling first keeps it.
  await page.getByLabel(`Select ${first.name}`).check();
  await page.getByRole("button", { name: "Bulk actions" }).click();
  await page.getByRole("menuitem", { name: "Delete…" }).click();
  const confirm = page.getByRole("alertdialog");
  await confirm.getByText(`Delete 1 ${list.one}?`).waitFor();
  await snap(page, `bulk-${list.many}-2-confirm`);
  await confirm.getByRole("button", { name: "Cancel" }).click();
  expect(await status(page, `${list.apiPath}/${first.id}`)).toBe(200);
  await page.getByRole("button", { name: "Bulk actions" }).click();
  await page.getByRole("menuitem", { name: "Delete…" }).click();
  await confirm.getByRole("button", { name: `Delete 1 ${list.one}` }).click();
  await expect.poll(() => table.getByText(first.name).count()).toBe(0);
  await table.getByText(second.name).waitFor();
  expect(await status(page, `${list.apiPath}/${first.id}`)).toBe(404);
  expect(await status(page, `${list.apiPath}/${second.id}`)).toBe(200);
  // The selection empties with the action: the bar is gone.
  expect(await page.getByRole("region", { name: "Bulk actions" }).count()).toBe(0);
}

describe("bulk actions: clients, leads and deals share one bar", () => {
  it("assigns an owner to the selected rows and deletes after a confirmation naming the count, on each list", async () => {
    const stamp = Date.now();
    const tag = `bulk-${stamp}`;
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const admin = await signIn(context, app.url, `admin@${DEMO_DOMAIN}`, DEMO_PASSWORD);
    const users = await api<{ data: { id: string; name: string }[] }>(admin, "GET", "/api/users?status=active&limit=200");
    const owner = users.data.find((u) => u.name === "Morgan Manager");
    if (!owner) throw new Error("the demo manager is missing");
    const me = users.data.find((u) => u.name === "Avery Admin");
    if (!me) throw new Error("the demo admin is missing");

    const clients = [];
    for (const name of [`Bulk Client A ${stamp}`, `Bulk Client B ${stamp}`]) {
      const res = await api<{ data: { id: string; name: string } }>(admin, "POST", "/api/clients", { name, tags: [tag] });
      clients.push({ id: res.data.id, name });
    }
    await assignThenDelete(
      admin,
      { url: `/clients?tag=${tag}`, tableId: "clients-table", one: "client", many: "clients", apiPath: "/api/clients", rows: clients },
      owner,
    );

    const leads = [];
    for (const name of [`Bulk Lead A ${stamp}`, `Bulk Lead B ${stamp}`]) {
      const res = await api<{ data: { id: string } }>(admin, "POST", "/api/leads", { name, tags: [tag], ownerId: null });
      leads.push({ id: res.data.id, name });
    }
    await assignThenDelete(admin, { url: `/leads?tag=${tag}`, tableId: "leads-table", one: "lead", many: "leads", apiPath: "/api/leads", rows: leads }, owner);

    const pipelines = await api<{ data: { id: string }[] }>(admin, "GET", "/api/pipelines");
    const pipelineId = pipelines.data[0]?.id;
    if (!pipelineId) throw new Error("the demo workspace has no pipeline");
    const deals = [];
    for (const title of [`Bulk Deal A ${stamp}`, `Bulk Deal B ${stamp}`]) {
      // Owned by the admin: without an owner the deal would go to the client's owner, the manager, and assigning them would change nothing.
      const res = await api<{ data: { id: string } }>(admin, "POST", "/api/deals", { title, pipelineId, clientId: clients[1]?.id, tags: [tag], ownerId: me.id });
      deals.push({ id: res.data.id, name: title });
    }
    await assignThenDelete(
      admin,
      { url: `/deals?view=list&pipelineId=${pipelineId}&tag=${tag}`, tableId: "deals-table", one: "deal", many: "deals", apiPath: "/api/deals", rows: deals },
      owner,
    );
    await context.close();
  });
});

describe("bulk actions and export: contacts", () => {
  it("exports the filtered contacts as CSV, then deletes two selected contacts through a confirm that names the count and warns about portal access", async () => {
    const stamp = Date.now();
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    const admin = await signIn(context, app.url, `admin@${DEMO_DOMAIN}`, DEMO_PASSWORD);
    const client = await api<{ data: { id: string } }>(admin, "POST", "/api/clients", { name: `Contacts Co ${stamp}` });
    const make = async (firstName: string, lastName: string) => {
      const res = await api<{ data: { id: string } }>(admin, "POST", "/api/contacts", { clientId: client.data.id, firstName, lastName, email: `${firstName.toLowerCase()}-${lastName.toLowerCase()}@example.test` });
      return { id: res.data.id, name: `${firstName} ${lastName}` };
    };
    const first = await make(`Bulkc${stamp}`, "Alpha");
    const second = await make(`Bulkc${stamp}`, "Beta");
    // Its name shares nothing with the others: a search finding one exact match also lists typo-close
    // names (text-search.ts), and "Bulkc<stamp>" is typo-close to "Keepc<stamp>".
    const kept = await make(`Keepc${(stamp * 7919).toString(36)}`, "Gamma");
    // The first has a pending portal invite: the confirmation warns, and deleting revokes it.
    await api(admin, "POST", `/api/contacts/${first.id}/invite-to-portal`);

    // Export CSV carries the list's current filter.
    const keptQuery = kept.name.split(" ")[0]!;
    await admin.goto(`${app.url}/contacts?q=${keptQuery}`);
    const table = admin.getByTestId("contacts-table");
    await table.getByText(kept.name).waitFor();
    const exportLink = admin.getByRole("link", { name: "Export CSV" });
    expect(await exportLink.getAttribute("href")).toContain(`q=${keptQuery}`);
    const [download] = await Promise.all([admin.waitForEvent("download"), exportLink.click()]);
    expect(download.suggestedFilename()).toMatch(/^contacts-.*\.csv$/);
    const csv = readFileSync((await download.path())!, "utf8");
    expect(csv.split("\r\n")[0]).toMatch(/^id,name,email,phone,title,primary,client,portal_access,created_at/);
    expect(csv).toContain(`${kept.id},${kept.name},`);
    expect(csv).not.toContain(first.id);

    // Select both Bulkc contacts and delete them: the bar offers delete only.
    await admin.goto(`${app.url}/contacts?q=Bulkc${stamp}`);
    await table.getByText(first.name).waitFor();
    await table.getByText(second.name).waitFor();
    await admin.getByLabel("Select all contacts").check();
    await admin.getByRole("region", { name: "Bulk actions" }).getByText("2 contacts selected").waitFor();
    await admin.getByRole("button", { name: "Bulk actions" }).click();
    expect(await admin.getByRole("menuitem").allTextContents()).toEqual(["Delete…"]);
    await admin.getByRole("menuitem", { name: "Delete…" }).click();
    const confirm = admin.getByRole("alertdialog");
    await confirm.getByText("Delete 2 contacts?").waitFor();
    await confirm.getByText(`1 of them has portal access (${first.name})`, { exact: false }).waitFor();
    await snap(admin, "bulk-contacts-1-confirm");
    await confirm.getByRole("button", { name: "Delete 2 contacts" }).click();
    await admin.getByRole("status").getByText("2 deleted").first().waitFor();
    await expect.poll(() => table.getByText(first.name).count()).toBe(0);
    await expect.poll(() => table.getByText(second.name).count()).toBe(0);
    expect(await status(admin, `/api/contacts/${first.id}`)).toBe(404);
    expect(await status(admin, `/api/contacts/${second.id}`)).toBe(404);
    expect(await status(admin, `/api/contacts/${kept.id}`)).toBe(200);
    expect(await admin.getByRole("region", { name: "Bulk actions" }).count()).toBe(0);
    await context.close();
  });
});
