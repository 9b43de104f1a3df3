import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_DOMAIN, DEMO_PASSWORD } from "../../server/db/seed/demo-seed";
import { api, apiResult } from "./support/api";
import { type RunningApp, startAppProcess } from "./support/app-process";
import { launchBrowser, signIn, snap } from "./support/browser";

// "Delete" in the client and lead page headers (one DeleteRecordButton): a confirmation naming the
// record, Cancel keeps it, Delete removes it, toasts and goes back to the list; a refused delete
// (a client with a portal user) closes the dialog and says why.
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

/** Opens the record's page, cancels one confirmation, then deletes it and lands on the list. */
async function deleteFromHeader(page: Page, record: { url: string; apiPath: string; name: string; note: string; confirm: string; listPath: string }) {
  await page.goto(`${app.url}${record.url}`);
  await page.getByRole("heading", { name: record.name }).waitFor();
  await page.getByRole("button", { name: "Delete", exact: true }).click();
  const confirm = page.getByRole("alertdialog");
  await confirm.getByText(`Delete ${record.name}?`).waitFor();
  await confirm.getByText(record.note, { exact: false }).waitFor();
  await confirm.getByRole("button", { name: "Cancel" }).click();
  await expect.poll(() => confirm.count()).toBe(0);
  expect(await status(page, record.apiPath)).toBe(200);

  await page.getByRole("button", { name: "Delete", exact: true }).click();
  await confirm.getByRole("button", { name: record.confirm }).click();
  await page.getByText(`${record.name} was deleted.`).waitFor();
  await page.waitForURL((url) => url.pathname === record.listPath);
  expect(await status(page, record.apiPath)).toBe(404);
}

describe("record page headers: delete", () => {
  it("deletes a client and a lead after a confirmation naming them (200 until confirmed, then 404 and back on the list)", async () => {
    const stamp = Date.now();
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const admin = await signIn(context, app.url, `admin@${DEMO_DOMAIN}`, DEMO_PASSWORD);

    const client = await api<{ data: { id: string } }>(admin, "POST", "/api/clients", { name: `Header Delete Co ${stamp}` });
    await api(admin, "POST", "/api/contacts", { clientId: client.data.id, firstName: "Only", lastName: `Contact${stamp}` });
    await deleteFromHeader(admin, {
      url: `/clients/${client.data.id}`,
      apiPath: `/api/clients/${client.data.id}`,
      name: `Header Delete Co ${stamp}`,
      note: "and its 1 contact will be removed",
      confirm: "Delete client",
      listPath: "/clients",
    });

    const lead = await api<{ data: { id: string } }>(admin, "POST", "/api/leads", { name: `Header Delete Lead ${stamp}` });
    await deleteFromHeader(admin, {
      url: `/leads/${lead.data.id}`,
      apiPath: `/api/leads/${lead.data.id}`,
      name: `Header Delete Lead ${stamp}`,
      note: "The lead and its timeline are removed.",
      confirm: "Delete lead",
      listPath: "/leads",
    });
    await context.close();
  });

  it("keeps a client whose contact has portal access (409): the dialog closes and the toast says to deactivate the portal user", async () => {
    const stamp = Date.now();
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const admin = await signIn(context, app.url, `admin@${DEMO_DOMAIN}`, DEMO_PASSWORD);
    const name = `Portal Bound Co ${stamp}`;
    const client = await api<{ data: { id: string } }>(admin, "POST", "/api/clients", { name });
    const contact = await api<{ data: { id: string } }>(admin, "POST", "/api/contacts", {
      clientId: client.data.id,
      firstName: "Portal",
      lastName: `User${stamp}`,
      email: `portal-${stamp}@example.test`,
    });
    await api(admin, "POST", `/api/contacts/${contact.data.id}/invite-to-portal`);

    await admin.goto(`${app.url}/clients/${client.data.id}`);
    await admin.getByRole("heading", { name }).waitFor();
    await admin.getByRole("button", { name: "Delete", exact: true }).click();
    await admin.getByRole("alertdialog").getByRole("button", { name: "Delete client" }).click();
    await admin.getByText("A portal user is still linked to this client. Deactivate them under Team first.").waitFor();
    await expect.poll(() => admin.getByRole("alertdialog").count()).toBe(0);
    await snap(admin, "record-delete-portal-bound");
    expect(new URL(admin.url()).pathname).toBe(`/clients/${client.data.id}`);
    expect(await status(admin, `/api/clients/${client.data.id}`)).toBe(200);
    await context.close();
  });
});
