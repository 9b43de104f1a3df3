// The en_GB entry alone: the package root loads every locale (~35 MB of RSS for the server, seeding or not).
import { faker } from "@faker-js/faker/locale/en_GB";
import type { Role } from "../../../shared/constants/roles";
import type { LeadSource, LeadStatus } from "../../../shared/contracts/leads";
import type { Db } from "../client";
import {
  activities,
  assignmentRules,
  automations,
  type ClientRow,
  clients,
  contacts,
  dealStageHistory,
  deals,
  leadForms,
  leads,
  pipelineStages,
  pipelines,
} from "../schema";

/** How much CRM data the demo workspace gets (the issue's "living CRM" on first start). */
export const DEMO_SIZE = { clients: 50, contacts: 300, leads: 2000, deals: 200 } as const;

const INDUSTRIES = ["Food & beverage", "Healthcare", "Real estate", "Retail", "Fitness", "Hospitality", "Legal", "Education", "SaaS", "Construction", "Beauty", "Automotive"];
const TAGS = ["retainer", "social", "seo", "ads", "video", "email", "ecommerce", "local", "b2b", "events"];
const COUNTRIES = ["GB", "GB", "GB", "IE", "US", "DE", "FR", "NL"];
const DAY = 86_400_000;

function pick<T>(items: readonly T[]): T {
  return items[faker.number.int({ min: 0, max: items.length - 1 })]!;
}

function weighted<T>(entries: [T, number][]): T {
  const total = entries.reduce((s, [, w]) => s + w, 0);
  let r = faker.number.float({ min: 0, max: total });
  for (const [v, w] of entries) {
    r -= w;
    if (r <= 0) return v;
  }
  return entries[entries.length - 1]![0];
}

function e164(): string {
  return `+447${faker.string.numeric(9)}`;
}

async function insertInBatches<T>(rows: T[], insert: (batch: T[]) => Promise<unknown>, size = 500): Promise<void> {
  for (let i = 0; i < rows.length; i += size) await insert(rows.slice(i, i + size));
}

/**
 * The demo workspace's CRM at full size, made with @faker-js/faker on a fixed seed (the same data on
 * every first start): 50 clients, ~300 contacts, 2,000 leads in every status and source, 200 deals
 * over two pipelines with stage history, two web forms, two assignment rules and an automation.
 * Written straight to the tables (no jobs are enqueued: the demo's automations react to new leads).
 */
export async function seedDemoCrm(db: Db, workspaceId: string, existing: ClientRow[], byRole: Map<Role, string>): Promise<void> {
  faker.seed(2026);
  const now = Date.now();
  const admin = byRole.get("admin")!;
  const sales = byRole.get("sales_agent")!;
  const staff = byRole.get("staff")!;
  const manager = byRole.get("manager")!;
  const owners: [string | null, number][] = [
    [sales, 3],
    [staff, 3],
    [manager, 2],
    [null, 1],
  ];

  // Clients: the five hand-written ones plus faker companies.
  const clientRows: (typeof clients.$inferInsert)[] = [];
  for (let i = existing.length; i < DEMO_SIZE.clients; i++) {
    const company = faker.company.name();
    const created = new Date(now - faker.number.int({ min: 10, max: 400 }) * DAY);
    clientRows.push({
      workspaceId,
      name: company,
      status: weighted([
        ["active", 5],
        ["prospect", 3],
        ["paused", 1],
        ["churned", 1],
      ]),
      industry: pick(INDUSTRIES),
      website: `https://${faker.internet.domainWord()}-${i}.example`,
      phone: e164(),
      address: { line1: faker.location.streetAddress(), city: faker.location.city(), postalCode: faker.location.zipCode(), country: pick(COUNTRIES) },
      ownerId: weighted(owners),
      tags: faker.helpers.arrayElements(TAGS, { min: 1, max: 3 }),
      notes: faker.company.catchPhrase(),
      retainerAmountMinor: faker.helpers.maybe(() => faker.number.int({ min: 50, max: 900 }) * 1000, { probability: 0.6 }) ?? null,
      retainerCurrency: "GBP",
      createdAt: created,
      updatedAt: created,
    });
  }
  const made: ClientRow[] = [...existing];
  await insertInBatches(clientRows, async (batch) => made.push(...(await db.insert(clients).values(batch).returning())));

  // Contacts: enough per faker client to reach ~300 in all.
  const existingContacts = 7;
  const perClient = Math.ceil((DEMO_SIZE.contacts - existingContacts) / (made.length - existing.length));
  const contactRows: (typeof contacts.$inferInsert)[] = [];
  for (const client of made.slice(existing.length)) {
    const domain = new URL(client.website!).hostname;
    const n = faker.number.int({ min: Math.max(1, perClient - 2), max: perClient + 1 });
    for (let k = 0; k < n && contactRows.length + existingContacts < DEMO_SIZE.contacts; k++) {
      const firstName = faker.person.firstName();
      const lastName = faker.person.lastName();
      contactRows.push({ workspaceId, clientId: client.id, firstName, lastName, email: `${firstName}.${lastName}@${domain}`.toLowerCase().replace(/[^a-z0-9@.-]/g, ""), phone: e164(), title: faker.person.jobTitle(), isPrimary: k === 0 });
    }
  }
  await insertInBatches(contactRows, (batch) => db.insert(contacts).values(batch));

  // Forms, assignment rules and an automation.
  const [websiteForm, auditForm] = await db
    .insert(leadForms)
    .values([
      {
        workspaceId,
        name: "Website contact form",
        publicId: faker.string.alphanumeric(16),
        fields: [
          { key: "name", label: "Your name", required: true, placeholder: null, type: "text", options: [] },
          { key: "email", label: "Email", required: true, placeholder: "you@company.com", type: "email", options: [] },
          { key: "company", label: "Company", required: false, placeholder: null, type: "text", options: [] },
          { key: "notes", label: "How can we help?", required: false, placeholder: null, type: "textarea", options: [] },
        ],
        consent: { required: true, text: "I agree that Northwind Creative may contact me about my enquiry." },
        success: { mode: "message", message: "Thanks! We'll be in touch within one working day.", redirectUrl: null },
        allowedOrigins: ["https://northwind.example"],
        tags: ["website"],
        submissionCount: 0,
      },
      {
        workspaceId,
        name: "Free marketing audit",
        publicId: faker.string.alphanumeric(16),
        fields: [
          { key: "name", label: "Name", required: true, placeholder: null, type: "text", options: [] },
          { key: "email", label: "Work email", required: true, placeholder: null, type: "email", options: [] },
          { key: "phone", label: "Phone", required: false, placeholder: null, type: "tel", options: [] },
          { key: "company", label: "Company", required: true, placeholder: null, type: "text", options: [] },
        ],
        consent: { required: true, text: "Send me the audit and occasional marketing tips. I can unsubscribe at any time." },
        success: { mode: "message", message: "Your audit is on its way.", redirectUrl: null },
        allowedOrigins: [],
        tags: ["audit"],
        submissionCount: 0,
      },
    ])
    .returning();
  await db.insert(assignmentRules).values([
    { workspaceId, name: "UK and Irish leads: round-robin", position: 0, conditions: [{ field: "country", op: "in", value: ["GB", "IE"] }], assign: { type: "round_robin", userIds: [sales, staff] } },
    { workspaceId, name: "Everything else: least loaded", position: 1, conditions: [], assign: { type: "least_loaded", userIds: [sales, staff, manager] } },
  ]);
  await db.insert(automations).values([
    {
      workspaceId,
      name: "Welcome web leads",
      trigger: { type: "lead_created" },
      conditions: [{ field: "source", op: "equals", value: "form" }],
      actions: [
        { type: "add_tag", tag: "web" },
        { type: "notify_user", userId: null, message: "A new web lead is yours. Reply within a day." },
      ],
    },
    { workspaceId, name: "Qualified leads to the manager", trigger: { type: "lead_status_changed", to: "qualified" }, conditions: [{ field: "score", op: "gte", value: 70 }], actions: [{ type: "notify_user", userId: manager, message: "A high-score lead was qualified." }] },
  ]);

  // Leads: every status and source, spread over the last 120 days.
  const leadRows: (typeof leads.$inferInsert)[] = [];
  const forms = [websiteForm!, auditForm!];
  for (let i = 0; i < DEMO_SIZE.leads; i++) {
    const firstName = faker.person.firstName();
    const lastName = faker.person.lastName();
    const company = faker.helpers.maybe(() => faker.company.name(), { probability: 0.8 }) ?? null;
    const source = weighted<LeadSource>([
      ["form", 4],
      ["manual", 3],
      ["import", 2],
      ["api", 1],
    ]);
    const status = weighted<LeadStatus>([
      ["new", 35],
      ["contacted", 25],
      ["qualified", 18],
      ["unqualified", 12],
      ["converted", 10],
    ]);
    const created = new Date(now - faker.number.int({ min: 0, max: 120 * 24 * 60 }) * 60_000);
    const form = source === "form" ? pick(forms) : null;
    const converted = status === "converted" ? pick(made) : null;
    leadRows.push({
      workspaceId,
      name: `${firstName} ${lastName}`,
      company,
      email: `${firstName}.${lastName}.${i}@${company ? `${faker.internet.domainWord()}.example` : "mail.example"}`.toLowerCase().replace(/[^a-z0-9@.-]/g, ""),
      phone: faker.helpers.maybe(e164, { probability: 0.6 }) ?? null,
      country: pick(COUNTRIES),
      source,
      sourceDetail: form?.name ?? (source === "import" ? "trade-show-2026.csv" : source === "api" ? "Zapier" : null),
      formId: form?.id ?? null,
      status,
      score: faker.number.int({ min: 0, max: 100 }),
      ownerId: weighted(owners),
      tags: faker.helpers.arrayElements(TAGS, { min: 0, max: 2 }),
      notes: faker.helpers.maybe(() => faker.lorem.sentence(), { probability: 0.3 }) ?? null,
      consent: form ? { givenAt: created.toISOString(), method: "form", text: form.consent.text, formId: form.id } : null,
      convertedAt: converted ? new Date(created.getTime() + DAY) : null,
      convertedClientId: converted?.id ?? null,
      lastActivityAt: new Date(created.getTime() + faker.number.int({ min: 0, max: Math.max(1, now - created.getTime()) })),
      createdAt: created,
      updatedAt: created,
    });
  }
  const madeLeads: (typeof leads.$inferSelect)[] = [];
  await insertInBatches(leadRows, async (batch) => madeLeads.push(...(await db.insert(leads).values(batch).returning())));
  const timeline: (typeof activities.$inferInsert)[] = madeLeads.flatMap((l) => {
    const entries: (typeof activities.$inferInsert)[] = [{ workspaceId, entityType: "lead", entityId: l.id, kind: "created", actorId: l.source === "form" ? null : admin, meta: { source: l.source }, occurredAt: l.createdAt, createdAt: l.createdAt }];
    if (l.status !== "new" && faker.datatype.boolean({ probability: 0.4 })) {
      entries.push({ workspaceId, entityType: "lead", entityId: l.id, kind: pick(["note", "call", "email"] as const), body: faker.lorem.sentences({ min: 1, max: 2 }), actorId: l.ownerId ?? admin, occurredAt: l.lastActivityAt });
    }
    return entries;
  });
  await insertInBatches(timeline, (batch) => db.insert(activities).values(batch), 1000);

  // Pipelines and 200 deals with stage history.
  const [newBusiness, renewals] = await db
    .insert(pipelines)
    .values([
      { workspaceId, name: "New business", position: 0, rottingDays: 14 },
      { workspaceId, name: "Renewals & upsells", position: 1, rottingDays: 30 },
    ])
    .returning();
  const stageSpecs: [string, [string, number][]][] = [
    [
      newBusiness!.id,
      [
        ["Lead in", 10],
        ["Qualified", 25],
        ["Proposal", 50],
        ["Negotiation", 75],
        ["Closing", 90],
      ],
    ],
    [
      renewals!.id,
      [
        ["Review due", 30],
        ["Proposal sent", 60],
        ["Verbal yes", 90],
      ],
    ],
  ];
  const stages = await db
    .insert(pipelineStages)
    .values(stageSpecs.flatMap(([pipelineId, list]) => list.map(([name, probability], position) => ({ workspaceId, pipelineId, name, position, probability }))))
    .returning();
  const dealRows: (typeof deals.$inferInsert)[] = [];
  const convertible = madeLeads.filter((l) => l.status === "qualified" || l.status === "converted");
  for (let i = 0; i < DEMO_SIZE.deals; i++) {
    const pipeline = i % 4 === 3 ? renewals! : newBusiness!;
    const pipelineStagesOf = stages.filter((s) => s.pipelineId === pipeline.id);
    const stage = pick(pipelineStagesOf);
    const status = weighted<"open" | "won" | "lost">([
      ["open", 7],
      ["won", 2],
      ["lost", 1],
    ]);
    const lead = pipeline === newBusiness && faker.datatype.boolean({ probability: 0.4 }) ? pick(convertible) : null;
    const client = lead?.convertedClientId ? made.find((c) => c.id === lead.convertedClientId)! : lead ? null : pick(made);
    const created = new Date(now - faker.number.int({ min: 1, max: 150 }) * DAY);
    const entered = new Date(created.getTime() + faker.number.int({ min: 0, max: Math.max(1, now - created.getTime()) / 2 }));
    dealRows.push({
      workspaceId,
      pipelineId: pipeline.id,
      stageId: stage.id,
      title: `${client?.name ?? lead?.company ?? lead?.name ?? "New"} — ${pick(["Website rebuild", "SEO retainer", "Paid social", "Brand refresh", "Video series", "Email programme", "Annual renewal", "Launch campaign"])}`,
      clientId: client?.id ?? null,
      leadId: lead?.id ?? null,
      valueMinor: faker.number.int({ min: 20, max: 600 }) * 10_000,
      currency: "GBP",
      expectedCloseDate: new Date(now + faker.number.int({ min: -20, max: 180 }) * DAY).toISOString().slice(0, 10),
      ownerId: lead?.ownerId ?? client?.ownerId ?? weighted(owners),
      status,
      lostReason: status === "lost" ? pick(["Budget cut", "Went with another agency", "Timing", "No response"]) : null,
      closedAt: status === "open" ? null : new Date(entered.getTime() + DAY),
      position: i,
      stageEnteredAt: entered,
      // About one open deal in six has gone quiet for weeks (rotting).
      lastActivityAt: faker.datatype.boolean({ probability: 0.17 }) ? new Date(now - faker.number.int({ min: 35, max: 60 }) * DAY) : new Date(now - faker.number.int({ min: 0, max: 10 }) * DAY),
      tags: faker.helpers.arrayElements(TAGS, { min: 0, max: 2 }),
      createdAt: created,
      updatedAt: entered,
    });
  }
  const madeDeals = await db.insert(deals).values(dealRows).returning();
  await db.insert(dealStageHistory).values(
    madeDeals.flatMap((d) => {
      const list = stages.filter((s) => s.pipelineId === d.pipelineId);
      const at = list.findIndex((s) => s.id === d.stageId);
      // The deal walked through the earlier stages to reach its current one.
      const span = (d.stageEnteredAt.getTime() - d.createdAt.getTime()) / Math.max(1, at);
      return list.slice(0, at + 1).map((s, k) => ({
        workspaceId,
        dealId: d.id,
        stageId: s.id,
        stageName: s.name,
        enteredAt: new Date(d.createdAt.getTime() + span * k),
        leftAt: k < at ? new Date(d.createdAt.getTime() + span * (k + 1)) : null,
        actorId: d.ownerId,
      }));
    }),
  );
  await insertInBatches(
    madeDeals.map((d) => ({ workspaceId, entityType: "deal" as const, entityId: d.id, kind: "created" as const, actorId: d.ownerId, occurredAt: d.createdAt, createdAt: d.createdAt })),
    (batch) => db.insert(activities).values(batch),
  );
}
