import type { Browser, ConsoleMessage } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_DOMAIN, DEMO_PASSWORD } from "../../server/db/seed/demo-seed";
import { api, apiResult, createPipeline, usersOfRole, waitUntil } from "./support/api";
import { type RunningApp, startAppProcess } from "./support/app-process";
import { boardColumnTitles, launchBrowser, signIn, snap } from "./support/browser";

// Regressions from the QA pass (fix/qa-leftovers), each in the browser where the defect showed.
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

type DealsPage = { data: { title: string; stage: { name: string } }[] };

describe("QA regressions", () => {
  it("an anonymous visit to /login logs no console error (no failed /api/auth/me)", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("console", (msg: ConsoleMessage) => {
      if (msg.type() === "error") errors.push(`${msg.text()} @ ${msg.location().url}`);
    });
    page.on("pageerror", (err) => errors.push(err.message));
    await page.goto(`${app.url}/login`, { waitUntil: "networkidle" });
    await page.getByRole("button", { name: "Sign in" }).waitFor();
    // A protected page sends the anonymous visitor to /login, still without an error.
    await page.goto(`${app.url}/deals`, { waitUntil: "networkidle" });
    await page.waitForURL((url) => url.pathname.startsWith("/login"));
    await page.getByRole("button", { name: "Sign in" }).waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });

  it("custom fields: labels without Latin letters get field_1, field_2 (no 409 on the second)", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
    const admin = await signIn(context, app.url, `admin@${DEMO_DOMAIN}`, DEMO_PASSWORD);
    await admin.goto(`${app.url}/settings/custom-fields?type=deal`);
    for (const [label, key] of [
      ["予算", "field_1"],
      ["!!!", "field_2"],
    ] as const) {
      await admin.getByRole("button", { name: "Add field" }).first().click();
      const dialog = admin.getByRole("dialog");
      await dialog.getByLabel("Label", { exact: true }).fill(label);
      await expect.poll(() => dialog.getByLabel("Key", { exact: true }).inputValue()).toBe(key);
      await dialog.getByRole("button", { name: /Add field|Save/ }).last().click();
      await admin.getByText(`${label} was added.`).waitFor();
      await dialog.waitFor({ state: "detached" });
    }
    await admin.getByText("field_2", { exact: true }).waitFor();
    await snap(admin, "qa-01-custom-field-keys");
    await context.close();
  });

  it("deals: overdue badges, a past-date warning, the negative-value message, and one keyboard step per arrow", async () => {
    const stamp = Date.now();
    const context = await browser.newContext({ viewport: { width: 1600, height: 900 } });
    const page = await signIn(context, app.url, `admin@${DEMO_DOMAIN}`, DEMO_PASSWORD);
    const pipeline = await createPipeline(page, { name: `QA board ${stamp}` });
    const clients = await api<{ data: { id: string }[] }>(page, "GET", "/api/clients?limit=1");
    const clientId = clients.data[0]!.id;
    const [leadIn, qualified] = pipeline.stages;
    const overdue = `Slipped deal ${stamp}`;
    const keyDeal = `Keyboard deal ${stamp}`;
    // Two cards above the one moved by keyboard, and one in the next column.
    await api(page, "POST", "/api/deals", { title: overdue, clientId, valueMinor: 100_00, pipelineId: pipeline.id, stageId: leadIn!.id, expectedCloseDate: "2001-01-01" });
    await api(page, "POST", "/api/deals", { title: `Future deal ${stamp}`, clientId, valueMinor: 100_00, pipelineId: pipeline.id, stageId: leadIn!.id, expectedCloseDate: "2099-01-01" });
    await api(page, "POST", "/api/deals", { title: keyDeal, clientId, valueMinor: 100_00, pipelineId: pipeline.id, stageId: leadIn!.id });
    await api(page, "POST", "/api/deals", { title: `Qualified deal ${stamp}`, clientId, valueMinor: 100_00, pipelineId: pipeline.id, stageId: qualified!.id });
    const stageOf = async (title: string) =>
      (await api<DealsPage>(page, "GET", `/api/deals?pipelineId=${pipeline.id}&q=${encodeURIComponent(title)}`)).data.find((d) => d.title === title)?.stage.name;
    const openBoard = async () => {
      await page.goto(`${app.url}/deals?pipelineId=${pipeline.id}`);
      await page.getByTestId("deals-board").waitFor();
      await page.getByRole("link", { name: keyDeal }).waitFor();
    };

    // Overdue: on the board card (only the open deal past its date), the deal page and the list.
    await openBoard();
    const card = (title: string) => page.getByTestId("deal-card").filter({ hasText: title });
    await card(overdue).getByText("Overdue", { exact: true }).waitFor();
    expect(await card(`Future deal ${stamp}`).getByText("Overdue", { exact: true }).count()).toBe(0);
    await snap(page, "qa-02-board-overdue");

    // Keyboard: pick up the third card, ONE ArrowRight, drop: it is in the next column after a reload.
    const handle = page.getByRole("button", { name: `Move deal ${keyDeal}` });
    await handle.focus();
    await page.keyboard.press("Space");
    await expect.poll(() => handle.getAttribute("aria-pressed")).toBe("true");
    await page.keyboard.press("ArrowRight");
    await page.getByText(`Deal ${keyDeal} is over Qualified.`).first().waitFor({ state: "attached" });
    await page.keyboard.press("Space");
    await expect.poll(() => stageOf(keyDeal)).toBe("Qualified");
    await openBoard();
    expect(await boardColumnTitles(page, "Qualified")).toContain(keyDeal);
    expect(await boardColumnTitles(page, "Lead in")).not.toContain(keyDeal);

    // ArrowLeft takes it back one column.
    await handle.focus();
    await page.keyboard.press("Space");
    await expect.poll(() => handle.getAttribute("aria-pressed")).toBe("true");
    await page.keyboard.press("ArrowLeft");
    await page.getByText(`Deal ${keyDeal} is over Lead in.`).first().waitFor({ state: "attached" });
    await page.keyboard.press("Space");
    await expect.poll(() => stageOf(keyDeal)).toBe("Lead in");

    // ArrowDown within a column: over the next card, and dropped below it.
    await openBoard();
    const before = await boardColumnTitles(page, "Lead in");
    const upper = before[0]!;
    const upperHandle = page.getByRole("button", { name: `Move deal ${upper}` });
    await upperHandle.focus();
    await page.keyboard.press("Space");
    await expect.poll(() => upperHandle.getAttribute("aria-pressed")).toBe("true");
    await page.keyboard.press("ArrowDown");
    // Over the next card: the list makes room, so the picked-up card's place is now below it.
    const topOf = async (title: string) => (await card(title).boundingBox())?.y ?? 0;
    await expect.poll(async () => (await topOf(upper)) > (await topOf(before[1]!))).toBe(true);
    await page.keyboard.press("Space");
    const moved = [...before];
    const at = moved.indexOf(upper);
    moved.splice(at, 1);
    moved.splice(at + 1, 0, upper);
    await expect.poll(() => boardColumnTitles(page, "Lead in")).toEqual(moved);
    await openBoard();
    expect(await boardColumnTitles(page, "Lead in")).toEqual(moved);

    // The deal page and the list flag it too.
    await page.getByRole("link", { name: overdue }).click();
    await page.getByRole("heading", { level: 1, name: overdue }).getByText("Overdue", { exact: true }).waitFor();
    await page.goto(`${app.url}/deals?pipelineId=${pipeline.id}`);
    await page.getByRole("tab", { name: "List" }).click();
    await page.getByLabel("Search deals").fill(String(stamp));
    await page.getByTestId("deal-row").filter({ hasText: overdue }).getByText("Overdue", { exact: true }).waitFor();
    expect(await page.getByTestId("deal-row").filter({ hasText: `Future deal ${stamp}` }).getByText("Overdue", { exact: true }).count()).toBe(0);
    await snap(page, "qa-03-list-overdue");

    // The form: a past date warns without blocking; a negative value says so (the API's words).
    await page.getByRole("tab", { name: "Board" }).click();
    await page.getByRole("button", { name: "New deal" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("Title").fill(`Past deal ${stamp}`);
    await dialog.getByLabel("Client").fill("Acme");
    await dialog.getByRole("button", { name: /Acme/ }).first().click();
    await dialog.getByLabel("Value").fill("-5");
    await dialog.getByLabel("Expected close").fill("2001-01-01");
    await dialog.getByText("This date has passed: the deal will show as overdue.").waitFor();
    await dialog.getByRole("button", { name: "Create deal" }).click();
    await dialog.getByText("The value can't be negative").waitFor();
    const negative = await apiResult<{ error: { details: { issues: { path: string; message: string }[] } } }>(page, "POST", "/api/deals", { title: "Negative", clientId, valueMinor: -500 });
    expect(negative.status).toBe(400);
    expect(negative.body.error.details.issues).toEqual([expect.objectContaining({ path: "body.valueMinor", message: "The value can't be negative" })]);
    await snap(page, "qa-04-form-warnings");
    await dialog.getByLabel("Value").fill("5");
    await dialog.getByRole("button", { name: "Create deal" }).click();
    await page.getByRole("heading", { level: 1, name: `Past deal ${stamp}` }).waitFor();
    await page.getByRole("heading", { level: 1, name: `Past deal ${stamp}` }).getByText("Overdue", { exact: true }).waitFor();
    await context.close();
  });

  it("settings → pipelines: delete is off, with the deal count, for a stage or pipeline that holds deals", async () => {
    const stamp = Date.now();
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await signIn(context, app.url, `admin@${DEMO_DOMAIN}`, DEMO_PASSWORD);
    const name = `QA pipeline ${stamp}`;
    const busyStage = `Busy ${stamp}`;
    const emptyStage = `Empty ${stamp}`;
    const pipeline = await createPipeline(page, {
      name,
      stages: [
        { name: busyStage, probability: 10 },
        { name: emptyStage, probability: 50 },
      ],
    });
    const clients = await api<{ data: { id: string }[] }>(page, "GET", "/api/clients?limit=1");
    for (let i = 0; i < 2; i++) {
      await api(page, "POST", "/api/deals", { title: `Held ${i} ${stamp}`, clientId: clients.data[0]!.id, pipelineId: pipeline.id, stageId: pipeline.stages[0]!.id });
    }
    await page.goto(`${app.url}/settings/pipelines`);
    const card = page.locator("section").filter({ has: page.getByText(name, { exact: true }) });
    const deleteBusy = card.getByRole("button", { name: `Delete stage ${busyStage}` });
    await deleteBusy.waitFor();
    expect(await deleteBusy.isDisabled()).toBe(true);
    expect(await card.getByTestId("delete-stage-wrapper").first().getAttribute("title")).toBe("This stage holds 2 deals: move them to another stage first.");
    expect(await card.getByRole("button", { name: `Delete stage ${emptyStage}` }).isDisabled()).toBe(false);
    const deletePipeline = card.getByRole("button", { name: "Delete pipeline" });
    expect(await deletePipeline.isDisabled()).toBe(true);
    expect(await card.getByTestId("delete-pipeline-wrapper").getAttribute("title")).toBe("This pipeline holds 2 deals: move or delete them before deleting it.");
    await card.getByText("2 stages · 2 deals").waitFor();
    await snap(page, "qa-05-pipelines-delete-off");
    // The API still refuses.
    expect((await apiResult(page, "DELETE", `/api/pipelines/${pipeline.id}/stages/${pipeline.stages[0]!.id}`)).status).toBe(409);
    expect((await apiResult(page, "DELETE", `/api/pipelines/${pipeline.id}`)).status).toBe(409);
    await context.close();
  });

  // Session 4 QA pass (s4-qa).
  it("timeline: @mentioning someone who can't see the lead says who and why in the composer, and posts nothing", async () => {
    const stamp = Date.now();
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await signIn(context, app.url, `admin@${DEMO_DOMAIN}`, DEMO_PASSWORD);
    const [manager] = await usersOfRole(page, "manager");
    const [creator] = await usersOfRole(page, "creator");
    const lead = await api<{ data: { id: string } }>(page, "POST", "/api/leads", { name: `Secret lead ${stamp}`, ownerId: manager!.id });
    await page.goto(`${app.url}/leads/${lead.data.id}`);
    const composer = page.getByRole("form", { name: "Log an activity" });
    const box = composer.getByLabel("What happened");
    await box.fill("Discount agreed, see @Cas");
    await page.getByRole("option", { name: creator!.name }).click();
    await composer.getByRole("button", { name: "Add to timeline" }).click();
    await composer.getByText(`${creator!.name} can't see this lead, so can't be mentioned on it`).waitFor();
    await snap(page, "qa-06-mention-refused");
    const entries = await api<{ data: { kind: string }[] }>(page, "GET", `/api/activities?entityType=lead&entityId=${lead.data.id}`);
    expect(entries.data.map((e) => e.kind)).not.toContain("note");
    await context.close();
  });

  it("automations: the run cards on the lead and the automation are padded and say '1 run', not '1 runs'", async () => {
    const stamp = Date.now();
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const page = await signIn(context, app.url, `admin@${DEMO_DOMAIN}`, DEMO_PASSWORD);
    const automation = await api<{ data: { id: string } }>(page, "POST", "/api/automations", {
      name: `Tag QA ${stamp}`,
      trigger: { type: "lead_status_changed", to: "unqualified" },
      conditions: [{ field: "name", op: "contains", value: String(stamp) }],
      actions: [{ type: "add_tag", tag: `qa${stamp}`.slice(0, 40) }],
    });
    const lead = await api<{ data: { id: string } }>(page, "POST", "/api/leads", { name: `Run lead ${stamp}` });
    await api(page, "PATCH", `/api/leads/${lead.data.id}`, { status: "unqualified" });
    await waitUntil("the automation ran", async () => ((await api<{ data: unknown[] }>(page, "GET", `/api/automations/${automation.data.id}/runs`)).data.length ? true : undefined));
    const insetOf = async (card: ReturnType<typeof page.getByTestId>) => {
      const outer = await card.boundingBox();
      const run = await card.getByTestId("automation-run").first().boundingBox();
      const heading = await card.getByRole("heading").first().boundingBox();
      return Math.min(run!.x - outer!.x, heading!.x - outer!.x);
    };
    await page.goto(`${app.url}/leads/${lead.data.id}`);
    const onLead = page.getByTestId("lead-automation-runs");
    await onLead.getByTestId("automation-run").waitFor();
    expect(await insetOf(onLead)).toBeGreaterThanOrEqual(12);
    await onLead.getByText("Showing 1 run — that's all").waitFor();
    await page.goto(`${app.url}/automations/${automation.data.id}`);
    const log = page.getByTestId("automation-run-log");
    await log.getByTestId("automation-run").waitFor();
    expect(await insetOf(log)).toBeGreaterThanOrEqual(12);
    await log.getByText("Showing 1 run — that's all").waitFor();
    await snap(page, "qa-07-automation-run-log");
    await context.close();
  });

  it("import wizard: a Windows-1252 CSV is refused at upload with how to fix it; a bad status is explained in words in the dry run", async () => {
    const stamp = Date.now();
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await signIn(context, app.url, `admin@${DEMO_DOMAIN}`, DEMO_PASSWORD);
    await page.goto(`${app.url}/imports/new?entity=lead`);
    await page.getByLabel("CSV file").setInputFiles({ name: "excel-export.csv", mimeType: "text/csv", buffer: Buffer.from(`Name,Email\nCaf\xe9 ${stamp},cafe-${stamp}@example.test\n`, "latin1") });
    await page.getByRole("alert").filter({ hasText: "The file is not UTF-8 text." }).waitFor();
    await snap(page, "qa-08-import-not-utf8");
    await page.getByLabel("CSV file").setInputFiles({
      name: "statuses.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(`Name,Email,Status\nGood ${stamp},good-${stamp}@example.test,new\nHot ${stamp},hot-${stamp}@example.test,hot\n`, "utf8"),
    });
    await page.getByRole("heading", { name: "Map the columns" }).waitFor();
    await page.getByRole("button", { name: "Check the file" }).click();
    await page.getByRole("heading", { name: "Dry run" }).waitFor({ timeout: 60_000 });
    const rejected = page.getByRole("table", { name: "Rejected rows" });
    await rejected.getByText('Use one of "new", "contacted", "qualified" or "unqualified"').waitFor();
    expect(await rejected.textContent()).not.toContain("Invalid option");
    await snap(page, "qa-09-import-status-words");
    await context.close();
  });

  it("files: a refused upload always names its file (an empty file said only 'The file is empty.')", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await signIn(context, app.url, `admin@${DEMO_DOMAIN}`, DEMO_PASSWORD);
    const lead = await api<{ data: { id: string } }>(page, "POST", "/api/leads", { name: `Files lead ${Date.now()}` });
    await page.goto(`${app.url}/leads/${lead.data.id}`);
    await page.getByLabel("Choose files to upload").setInputFiles([
      { name: "blank-brief.txt", mimeType: "text/plain", buffer: Buffer.alloc(0) },
      { name: "brief.txt", mimeType: "text/plain", buffer: Buffer.from("The brief") },
    ]);
    await page.getByTestId("attachments-list").getByRole("link", { name: "brief.txt", exact: true }).waitFor();
    await page.getByRole("alert").filter({ hasText: "“blank-brief.txt”: The file is empty." }).waitFor();
    await context.close();
  });

  it("files: a creator (read-only) is not told to switch on “Shared with client”, a switch they don't have", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await signIn(context, app.url, `creator@${DEMO_DOMAIN}`, DEMO_PASSWORD);
    const clients = await api<{ data: { id: string }[] }>(page, "GET", "/api/clients?limit=1");
    await page.goto(`${app.url}/clients/${clients.data[0]!.id}`);
    await page.getByRole("tab", { name: "Files" }).click();
    await page.getByText("Files marked “Shared with client” show in their portal.").waitFor();
    expect(await page.getByText("Switch on “Shared with client”").count()).toBe(0);
    await context.close();
  });
});
