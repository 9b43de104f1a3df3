import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_DOMAIN, DEMO_PASSWORD } from "../../server/db/seed/demo-seed";
import { apiResult } from "./support/api";
import { type RunningApp, startAppProcess } from "./support/app-process";
import { launchBrowser, signIn, snap } from "./support/browser";

// Duplicates in a real browser: two similar clients → /duplicates → compare → pick a value from the
// other record → merge → the survivor carries the picked value and the merged client's contact.
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

describe("duplicates: merge two similar clients", () => {
  it("compares, picks a field from the other record, merges, and the survivor has the moved contact and file, its timeline naming the merged record", async () => {
    const stamp = Date.now().toString(36);
    const survivorName = `Quillfeather Coffee Roasters ${stamp}`;
    const mergedName = `QUILLFEATHER Coffee Roaster ${stamp}`;
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const admin = await signIn(context, app.url, `admin@${DEMO_DOMAIN}`, DEMO_PASSWORD);

    const first = await apiResult<{ data: { id: string } }>(admin, "POST", "/api/clients", { name: survivorName, website: "https://old.quill.example", industry: "Coffee" });
    expect(first.status).toBe(201);
    const second = await apiResult<{ data: { id: string } }>(admin, "POST", "/api/clients", { name: mergedName, website: "https://quillfeather.example" });
    expect(second.status).toBe(201);
    const contact = await apiResult(admin, "POST", "/api/contacts", { clientId: second.body.data.id, firstName: "Juniper", lastName: `Moved ${stamp}` });
    expect(contact.status).toBe(201);
    await admin.goto(`${app.url}/clients/${second.body.data.id}?tab=files`);
    await admin.getByLabel("Choose files to upload").setInputFiles([{ name: `brief-${stamp}.txt`, mimeType: "text/plain", buffer: Buffer.from("The brief") }]);
    await admin.getByTestId("attachments-list").getByRole("link", { name: `brief-${stamp}.txt`, exact: true }).waitFor();

    // Pairs are precomputed by a background job that commits with each write: wait until it has run.
    await expect
      .poll(
        async () => {
          const res = await apiResult<{ data: { a: { name: string }; b: { name: string } }[] }>(admin, "GET", "/api/duplicates?entityType=client&reason=name&limit=100");
          return res.body.data.some((p) => p.a.name === survivorName || p.b.name === survivorName);
        },
        { timeout: 30_000 },
      )
      .toBe(true);
    await admin.getByRole("link", { name: "Duplicates" }).first().click();
    await admin.waitForURL((url) => url.pathname === "/duplicates");
    await admin.getByRole("tab", { name: "Clients", selected: true }).waitFor();
    const row = admin.getByTestId("duplicate-pair").filter({ hasText: survivorName });
    for (let i = 0; i < 20 && !(await row.count()); i++) {
      const more = admin.getByRole("button", { name: "Load more" });
      if (await more.count()) await more.click();
      await admin.waitForTimeout(300);
    }
    await row.waitFor();
    await expect.poll(() => row.textContent()).toContain("Similar name");
    await snap(admin, "duplicates-01-list");

    await row.getByRole("button", { name: "Compare & merge" }).click();
    const dialog = admin.getByRole("dialog");
    await dialog.getByTestId("moves-summary").waitFor();
    await expect.poll(() => dialog.getByTestId("moves-summary").textContent()).toContain("1 contact, 1 file will move");
    await dialog.getByRole("radio", { name: `Website: https://quillfeather.example (${mergedName})` }).check();
    await snap(admin, "duplicates-02-compare");
    await dialog.getByRole("button", { name: "Merge…" }).click();
    const confirm = admin.getByRole("alertdialog");
    await confirm.getByText(`This deletes “${mergedName}”. It cannot be undone.`).waitFor();
    await confirm.getByRole("button", { name: "Merge" }).click();
    await admin.getByText(`Merged "${mergedName}" into "${survivorName}".`).waitFor();
    await expect.poll(() => admin.getByTestId("duplicate-pair").filter({ hasText: survivorName }).count()).toBe(0);

    await admin.goto(`${app.url}/clients/${first.body.data.id}`);
    await admin.getByRole("heading", { level: 1, name: survivorName }).waitFor();
    await expect.poll(() => admin.getByLabel("Website").inputValue()).toBe("https://quillfeather.example");
    await admin.getByRole("tab", { name: "Contacts" }).click();
    await admin.getByText(`Juniper Moved ${stamp}`).first().waitFor();
    await admin.getByRole("tab", { name: "Files" }).click();
    await admin.getByTestId("attachments-list").getByRole("link", { name: `brief-${stamp}.txt`, exact: true }).waitFor();
    // The merged client's own "created" entry names it, so the survivor's timeline doesn't read as created twice.
    await admin.getByRole("tab", { name: "Timeline" }).click();
    await admin.getByText(`created “${mergedName}” (since merged into this client)`).waitFor();
    await snap(admin, "duplicates-03-survivor");
    expect((await apiResult(admin, "GET", `/api/clients/${second.body.data.id}`)).status).toBe(404);
    await context.close();
  });
});
