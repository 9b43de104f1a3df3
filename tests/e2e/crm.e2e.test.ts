import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_DOMAIN, DEMO_PASSWORD } from "../../server/db/seed/demo-seed";
import { apiResult } from "./support/api";
import { type RunningApp, startAppProcess } from "./support/app-process";
import { launchBrowser, signIn, snap } from "./support/browser";

// CRM in a real browser: client → contact → portal invitation → the contact sees only their client.
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

/** Opens Admin → Outbox until the message to `email` is listed, and returns the link in it. */
async function linkFromOutbox(admin: Page, email: string, pattern: RegExp): Promise<string | undefined> {
  for (let attempt = 0; attempt < 20; attempt++) {
    await admin.goto(`${app.url}/admin/outbox`);
    const message = admin.getByRole("button", { name: new RegExp(email.replace(/[.+]/g, "\\$&")) });
    const listed = await message
      .first()
      .waitFor({ timeout: 3000 })
      .then(
        () => true,
        () => false,
      );
    if (listed) {
      await message.first().click();
      const text = await admin.getByTestId("outbox-link").first().textContent();
      const link = text?.match(pattern)?.[0];
      if (link) return link;
    }
    await admin.waitForTimeout(500);
  }
  return undefined;
}

describe("crm: client → contact → portal invitation → the contact's portal", () => {
  it("walks the whole flow in the UI", async () => {
    const stamp = Date.now();
    const clientName = `Orchard Analytics ${stamp}`;
    const email = `priya-${stamp}@example.test`;
    const adminContext = await browser.newContext({ viewport: { width: 1280, height: 860 } });
    const admin = await signIn(adminContext, app.url, `admin@${DEMO_DOMAIN}`, DEMO_PASSWORD);

    // Create the client from the list.
    await admin.getByRole("link", { name: "Clients" }).first().click();
    await admin.getByTestId("clients-table").waitFor();
    await snap(admin, "crm-01-clients");
    await admin.getByRole("button", { name: "New client" }).first().click();
    const dialog = admin.getByRole("dialog");
    await dialog.getByLabel("Name").fill(clientName);
    await dialog.getByLabel("Status").selectOption("active");
    await dialog.getByLabel("Tags").fill("analytics, e2e");
    await dialog.getByLabel("Monthly retainer").fill("2500");
    await snap(admin, "crm-02-new-client");
    await dialog.getByRole("button", { name: "Create client" }).click();
    await admin.waitForURL((url) => /^\/clients\/[0-9a-f-]{36}$/.test(url.pathname));
    await admin.getByRole("heading", { level: 1, name: clientName }).waitFor();

    // Switch on one portal section, leave the rest off.
    await admin.getByRole("tab", { name: "Portal" }).click();
    await admin.getByRole("switch", { name: "Tasks" }).click();
    await expect.poll(() => admin.getByRole("switch", { name: "Tasks" }).getAttribute("aria-checked")).toBe("true");
    await admin.getByText("Tasks shown in the portal.").first().waitFor();

    // Add a contact with an email and invite them to the portal.
    await admin.getByRole("tab", { name: "Contacts" }).click();
    await admin.getByRole("button", { name: "Add contact" }).click();
    const contactDialog = admin.getByRole("dialog");
    await contactDialog.getByLabel("First name").fill("Priya");
    await contactDialog.getByLabel("Last name").fill("Portal");
    await contactDialog.getByLabel("Email").fill(email);
    await contactDialog.getByLabel("Job title").fill("Head of Growth");
    await contactDialog.getByLabel("Primary contact for this client").check();
    await contactDialog.getByRole("button", { name: "Add contact" }).click();
    await contactDialog.waitFor({ state: "hidden" });
    await admin.getByTestId("client-contacts").getByText("Priya Portal").waitFor();
    await admin.getByRole("button", { name: "Invite Priya Portal to the portal" }).click();
    await admin.getByRole("alertdialog").getByRole("button", { name: "Send invitation" }).click();
    await admin.getByText(`Portal invitation sent to ${email}.`).first().waitFor();
    await admin.getByTestId("client-contacts").getByText("Portal invite sent").waitFor();
    await snap(admin, "crm-03-contact-invited");

    // Resend: a new link replaces the first (the contact accepts the newest one below).
    await admin.getByRole("button", { name: "Resend the portal invite to Priya Portal" }).click();
    await admin.getByRole("alertdialog").getByRole("button", { name: "Resend invitation" }).click();
    await admin.getByText(`A new portal invitation was sent to ${email}.`).first().waitFor();
    // Deleting them would revoke the pending invitation, and the dialog says so (cancelled here).
    await admin.getByRole("button", { name: "Delete Priya Portal" }).click();
    await admin.getByRole("alertdialog").getByText("Their pending portal invitation will be revoked").waitFor();
    await admin.getByRole("alertdialog").getByRole("button", { name: "Cancel" }).click();
    await admin.getByRole("alertdialog").waitFor({ state: "hidden" });

    // Log a note on the client's timeline.
    await admin.getByRole("tab", { name: "Timeline" }).click();
    await admin.getByLabel("What happened").fill("Kickoff call: agreed on the Q3 analytics roadmap.");
    await admin.getByRole("button", { name: "Add to timeline" }).click();
    await admin.getByTestId("timeline").getByText("Kickoff call: agreed on the Q3 analytics roadmap.").waitFor();
    await admin.getByTestId("timeline").getByText(/created this client/).waitFor();
    await snap(admin, "crm-04-timeline");

    // The invitation link, from Admin → Outbox.
    const link = await linkFromOutbox(admin, email, /https?:\/\/\S+accept-invite\?token=\S+/);
    await snap(admin, "crm-05-outbox");
    expect(link, "portal invitation link in the outbox").toBeTruthy();

    // The contact accepts in their own browser and lands in the portal of that client only.
    const contactContext = await browser.newContext({ viewport: { width: 1280, height: 860 } });
    const contact = await contactContext.newPage();
    await contact.goto(link!);
    await contact.getByText(email).first().waitFor();
    await contact.getByLabel("Password").fill("Orchard-portal-7731!");
    await contact.getByRole("button", { name: "Set password and continue" }).click();
    await contact.waitForURL((url) => url.pathname.startsWith("/portal"), { timeout: 20_000 });
    await expect.poll(() => contact.getByTestId("portal-client-name").textContent()).toBe(clientName);
    await contact.getByTestId("portal-contacts").getByText("Priya Portal").waitFor();
    const sections = contact.getByTestId("portal-sections");
    await sections.getByText("Tasks").waitFor();
    expect(await sections.getByText("Invoices").count()).toBe(0);
    expect(await contact.getByText("Acme Coffee Roasters").count()).toBe(0);
    const { status: apiStatus } = await apiResult(contact, "GET", "/api/clients");
    expect(apiStatus).toBe(403);
    await snap(contact, "crm-06-portal");

    // Back on the client page the contact's portal access is active.
    await admin.goto(`${app.url}/contacts?q=${encodeURIComponent(email)}`);
    await admin.getByTestId("contacts-table").getByText("Portal active").waitFor();
    await snap(admin, "crm-07-contacts");

    // Typing in the search box filters the list (typo-tolerant) and keeps the query in the URL.
    await admin.goto(`${app.url}/clients`);
    await admin.getByText("Acme Coffee Roasters").first().waitFor();
    await admin.getByLabel("Search clients").fill("Orchard Analytcs");
    await admin.waitForURL((url) => url.searchParams.get("q") === "Orchard Analytcs");
    await admin.getByText(clientName).first().waitFor();
    await expect.poll(() => admin.getByText("Acme Coffee Roasters").count()).toBe(0);
    await contactContext.close();
    await adminContext.close();
  });
});

describe("crm on small screens", () => {
  it("the client list and a client page fit 375 px", async () => {
    const context = await browser.newContext({ viewport: { width: 375, height: 812 }, isMobile: true });
    const page = await signIn(context, app.url, `admin@${DEMO_DOMAIN}`, DEMO_PASSWORD);
    const pageWidth = () => page.evaluate(() => document.documentElement.scrollWidth);
    await page.goto(`${app.url}/clients`);
    await page.getByTestId("clients-table").waitFor();
    expect(await pageWidth()).toBeLessThanOrEqual(375);
    await snap(page, "crm-08-mobile-clients");
    await page.getByTestId("clients-table").getByRole("link").first().click();
    await page.getByRole("tab", { name: "Timeline" }).click();
    await page.getByRole("button", { name: "Add to timeline" }).waitFor();
    expect(await pageWidth()).toBeLessThanOrEqual(375);
    await snap(page, "crm-09-mobile-client-timeline");
    await context.close();
  });
});
