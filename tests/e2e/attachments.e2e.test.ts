import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_DOMAIN, DEMO_PASSWORD } from "../../server/db/seed/demo-seed";
import { exeBytes, PDF_BYTES } from "../factories/attachments";
import { type RunningApp, startAppProcess } from "./support/app-process";
import { launchBrowser, signIn, snap } from "./support/browser";

// Files in a real browser: upload on a client (one refused), share one, and the client downloads it from the portal.
let app: RunningApp;
let browser: Browser;
const uploadsDir = mkdtempSync(path.join(os.tmpdir(), "aos-e2e-uploads-"));

beforeAll(async () => {
  app = await startAppProcess({ UPLOADS_DIR: uploadsDir });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
  rmSync(uploadsDir, { recursive: true, force: true });
});

describe("attachments: upload on a client → share → download in the portal", () => {
  it("walks the flow in the UI", async () => {
    const fileName = `Brand brief ${Date.now()} — été.pdf`;
    const adminContext = await browser.newContext({ viewport: { width: 1280, height: 860 } });
    const admin = await signIn(adminContext, app.url, `admin@${DEMO_DOMAIN}`, DEMO_PASSWORD);
    await admin.getByRole("link", { name: "Clients" }).first().click();
    await admin.getByRole("link", { name: "Acme Coffee Roasters" }).first().click();
    await admin.getByRole("heading", { level: 1, name: "Acme Coffee Roasters" }).waitFor();
    await admin.getByRole("tab", { name: "Files" }).click();
    await admin.getByText("No files yet").waitFor();

    // One good file and one executable dressed as an image, picked together.
    await admin.getByLabel("Choose files to upload").setInputFiles([
      { name: fileName, mimeType: "application/pdf", buffer: PDF_BYTES },
      { name: "holiday-photo.png", mimeType: "image/png", buffer: exeBytes() },
    ]);
    const list = admin.getByTestId("attachments-list");
    await list.getByRole("link", { name: fileName, exact: true }).waitFor();
    await admin.getByRole("alert").filter({ hasText: "“holiday-photo.png” isn't a kind of file we accept" }).waitFor();
    await snap(admin, "attachments-01-client-files");

    // Share the PDF with the client's portal.
    const share = list.getByRole("switch", { name: "Shared with client" });
    await share.click();
    await expect.poll(() => share.getAttribute("aria-checked")).toBe("true");
    await adminContext.close();

    // The portal user sees and downloads it.
    const portalContext = await browser.newContext({ viewport: { width: 1280, height: 860 }, acceptDownloads: true });
    const portal = await signIn(portalContext, app.url, `client@${DEMO_DOMAIN}`, DEMO_PASSWORD);
    const files = portal.getByTestId("portal-files");
    await files.getByRole("link", { name: fileName, exact: true }).waitFor();
    await snap(portal, "attachments-02-portal-files");
    const [download] = await Promise.all([portal.waitForEvent("download"), files.getByRole("link", { name: `Download ${fileName}`, exact: true }).click()]);
    expect(download.suggestedFilename()).toBe(fileName);
    expect(readFileSync((await download.path())!)).toEqual(PDF_BYTES);
    await portalContext.close();
  });
});
