import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_DOMAIN, DEMO_PASSWORD } from "../../server/db/seed/demo-seed";
import { apiResult } from "./support/api";
import { type RunningApp, startAppProcess } from "./support/app-process";
import { launchBrowser, signIn, snap } from "./support/browser";

// Real browser flows against the real single process (built client, demo seed, mail to the outbox).
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

describe("accounts: invite → accept in a second browser → deactivate → their session dies", () => {
  it("walks the whole flow in the UI", async () => {
    const adminContext = await browser.newContext({ viewport: { width: 1280, height: 860 } });
    const admin = await signIn(adminContext, app.url, `admin@${DEMO_DOMAIN}`, DEMO_PASSWORD);
    await admin.getByRole("heading", { level: 1 }).first().waitFor();
    await snap(admin, "01-admin-dashboard");

    // Invite a new staff member.
    const email = `newhire-${Date.now()}@example.test`;
    await admin.goto(`${app.url}/users`);
    await admin.getByRole("button", { name: "Invite user" }).click();
    const dialog = admin.getByRole("dialog");
    await dialog.getByLabel("Email").fill(email);
    await dialog.getByLabel("Name").fill("Nia Newhire");
    await dialog.getByLabel("Role").selectOption("staff");
    await snap(admin, "02-invite-dialog");
    await dialog.getByRole("button", { name: "Send invitation" }).click();
    await dialog.waitFor({ state: "hidden" });
    await admin.getByText(email).first().waitFor();

    // Read the invitation link in Admin → Outbox (no SMTP configured).
    let link: string | undefined;
    for (let attempt = 0; attempt < 20 && !link; attempt++) {
      await admin.goto(`${app.url}/admin/outbox`);
      const message = admin.getByRole("button", { name: new RegExp(email.replace(/[.+]/g, "\\$&")) });
      // The list loads after navigation; the email job may still be running (it polls every 0.5 s).
      const listed = await message
        .first()
        .waitFor({ timeout: 3000 })
        .then(() => true, () => false);
      if (listed) {
        await message.first().click();
        const text = await admin.getByTestId("outbox-link").first().textContent();
        link = text?.match(/https?:\/\/\S+accept-invite\?token=\S+/)?.[0];
      }
      if (!link) await admin.waitForTimeout(500);
    }
    await snap(admin, "03-outbox");
    expect(link, "invitation link in the outbox").toBeTruthy();

    // Accept in a separate browser context (a different person, no shared cookies).
    const inviteeContext = await browser.newContext({ viewport: { width: 1280, height: 860 } });
    const invitee = await inviteeContext.newPage();
    await invitee.goto(link!);
    await invitee.getByText(email).first().waitFor();
    await invitee.getByLabel("Password").fill("Fresh-start-4821!");
    await snap(invitee, "04-accept-invite");
    await invitee.getByRole("button", { name: "Set password and continue" }).click();
    await invitee.waitForURL((url) => url.pathname === "/", { timeout: 20_000 });
    await invitee.getByText("Nia", { exact: false }).first().waitFor();
    await snap(invitee, "05-invitee-signed-in");

    // The admin deactivates them (with confirmation).
    await admin.goto(`${app.url}/users`);
    await admin.getByRole("button", { name: "Actions for Nia Newhire" }).first().click();
    await admin.getByRole("menuitem", { name: "Deactivate" }).click();
    const confirm = admin.getByRole("alertdialog").or(admin.getByRole("dialog"));
    await confirm.getByRole("button", { name: "Deactivate" }).click();
    await admin.getByText(/has been deactivated/).first().waitFor();
    await snap(admin, "06-deactivated");

    // Their session is dead on the next request: the app sends them to sign in.
    await invitee.goto(`${app.url}/profile`);
    await invitee.waitForURL((url) => url.pathname.startsWith("/login"), { timeout: 20_000 });
    const { status } = await apiResult(invitee, "GET", "/api/auth/me");
    expect(status).toBe(401);
    await snap(invitee, "07-invitee-signed-out");
    await inviteeContext.close();
    await adminContext.close();
  });
});

describe("portal: a client user sees only the portal", () => {
  it("lands on /portal with their own client, and staff pages redirect back", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
    const page = await signIn(context, app.url, `client@${DEMO_DOMAIN}`, DEMO_PASSWORD);
    await page.waitForURL((url) => url.pathname.startsWith("/portal"));
    await expect.poll(() => page.getByTestId("portal-client-name").textContent()).toContain("Acme Coffee Roasters");
    await snap(page, "08-portal");
    await page.goto(`${app.url}/users`);
    await page.waitForURL((url) => url.pathname.startsWith("/portal"));
    const { status: apiStatus } = await apiResult(page, "GET", "/api/users");
    expect(apiStatus).toBe(403);
    await context.close();
  });
});

describe("small screens", () => {
  it("the dashboard and team list are usable at 375 px", async () => {
    const context = await browser.newContext({ viewport: { width: 375, height: 812 }, isMobile: true });
    const page = await signIn(context, app.url, `admin@${DEMO_DOMAIN}`, DEMO_PASSWORD);
    await page.getByRole("heading", { level: 1 }).first().waitFor();
    await page.getByText("Recent activity").first().waitFor();
    // Nothing may push the page wider than the phone (wide tables scroll inside their card).
    const pageWidth = () => page.evaluate(() => document.documentElement.scrollWidth);
    expect(await pageWidth()).toBeLessThanOrEqual(375);
    await snap(page, "09-mobile-dashboard");
    await page.goto(`${app.url}/users`);
    await page.getByText(`admin@${DEMO_DOMAIN}`).first().waitFor();
    expect(await pageWidth()).toBeLessThanOrEqual(375);
    await snap(page, "10-mobile-users");
    await context.close();
  });
});
