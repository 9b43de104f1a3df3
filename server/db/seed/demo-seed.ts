import { count } from "drizzle-orm";
import type { Role } from "../../../shared/constants/roles";
import { hashPassword } from "../../auth/password";
import { recordAudit } from "../../modules/audit/audit.service";
import { insertActivity } from "../../modules/activities/activities.repository";
import { addAssignees, insertClient, updateClient } from "../../modules/clients/clients.repository";
import { insertContact } from "../../modules/contacts/contacts.repository";
import { insertUser } from "../../modules/users/users.repository";
import { insertWorkspace } from "../../modules/workspace/workspace.repository";
import type { Database, Db } from "../client";
import { type ClientRow, type clients, type contacts, workspaces } from "../schema";
import { withTransaction } from "../transaction";
import { seedDemoCrm } from "./demo-crm-seed";

export const DEMO_PASSWORD = "Agency-demo-2026!";
export const DEMO_DOMAIN = "demo.agency-os.test";

export interface DemoLogin {
  role: Role;
  email: string;
  password: string;
}

const PEOPLE: { role: Role; local: string; name: string }[] = [
  { role: "admin", local: "admin", name: "Avery Admin" },
  { role: "manager", local: "manager", name: "Morgan Manager" },
  { role: "staff", local: "staff", name: "Sam Staff" },
  { role: "sales_agent", local: "sales", name: "Sasha Sales" },
  { role: "creator", local: "creator", name: "Casey Creator" },
  { role: "client", local: "client", name: "Charlie Client" },
];

type DemoClient = Omit<typeof clients.$inferInsert, "workspaceId"> & { contacts: Omit<typeof contacts.$inferInsert, "workspaceId" | "clientId">[]; notes_: string[] };

// The portal login belongs to the first client; the sales agent owns the second; the creator is assigned to the first and third.
const CLIENTS: DemoClient[] = [
  {
    name: "Acme Coffee Roasters",
    status: "active",
    industry: "Food & beverage",
    website: "https://acmecoffee.example",
    phone: "+442079460011",
    address: { line1: "12 Roastery Lane", city: "Bristol", postalCode: "BS1 4DJ", country: "GB" },
    tags: ["retainer", "social", "hospitality"],
    notes: "Three cafés and a wholesale line. Launching a subscription box in spring.",
    retainerAmountMinor: 450000,
    retainerCurrency: "GBP",
    portalSettings: { tasks: true, invoices: true, tickets: false, messages: false, reports: false },
    contacts: [
      { firstName: "Charlie", lastName: "Client", email: "client@demo.agency-os.test", title: "Marketing lead", phone: "+447700900123", isPrimary: true },
      { firstName: "Priya", lastName: "Shah", email: "priya@acmecoffee.example", title: "Founder", phone: "+447700900456" },
    ],
    notes_: ["Kick-off call went well; they want a content calendar by Friday.", "Agreed the Q1 retainer scope: social + email."],
  },
  {
    name: "Bluebird Dental",
    status: "prospect",
    industry: "Healthcare",
    website: "https://bluebirddental.example",
    phone: "+441632960200",
    address: { line1: "4 Harbour Road", city: "Leeds", country: "GB" },
    tags: ["healthcare", "seo"],
    notes: "Two practices; wants more new-patient bookings.",
    contacts: [{ firstName: "Dr. Alan", lastName: "Moss", email: "alan@bluebirddental.example", title: "Practice owner", isPrimary: true }],
    notes_: ["Sent the SEO audit; follow up next Tuesday."],
  },
  {
    name: "Cedar & Pine Realty",
    status: "active",
    industry: "Real estate",
    website: "https://cedarpine.example",
    address: { city: "Manchester", country: "GB" },
    tags: ["ads", "video"],
    contacts: [
      { firstName: "Maya", lastName: "Reed", email: "maya@cedarpine.example", title: "Head of sales", isPrimary: true },
      { firstName: "Tom", lastName: "Baker", email: "tom@cedarpine.example", title: "Office manager", phone: "0161 496 0000" },
    ],
    notes_: ["Filming the spring listings video on the 14th."],
  },
  {
    name: "Driftwood Surf Co.",
    status: "active",
    industry: "Retail",
    website: "https://driftwoodsurf.example",
    tags: ["ecommerce", "social"],
    contacts: [{ firstName: "Kai", lastName: "Nolan", email: "kai@driftwoodsurf.example", title: "Owner", isPrimary: true }],
    notes_: [],
  },
  {
    name: "Evergreen Yoga Studio",
    status: "paused",
    industry: "Fitness",
    website: "https://evergreenyoga.example",
    tags: ["local"],
    notes: "Paused over the summer; revisit in September.",
    contacts: [{ firstName: "Lena", lastName: "Park", email: "lena@evergreenyoga.example", title: "Studio manager", isPrimary: true }],
    notes_: [],
  },
];

/** Owners, assignees, contacts (the portal login linked to its contact) and timeline notes. */
async function seedCrm(db: Db, workspaceId: string, made: ClientRow[], byRole: Map<Role, string>): Promise<void> {
  const owners = [byRole.get("manager"), byRole.get("sales_agent"), byRole.get("staff"), byRole.get("manager"), null];
  for (const [i, client] of made.entries()) {
    const spec = CLIENTS[i]!;
    await updateClient(db, workspaceId, client.id, { ownerId: owners[i] ?? null });
    for (const contact of spec.contacts) {
      const portalUser = contact.email === `client@${DEMO_DOMAIN}` ? byRole.get("client") : undefined;
      await insertContact(db, { ...contact, workspaceId, clientId: client.id, userId: portalUser ?? null });
    }
    await insertActivity(db, { workspaceId, entityType: "client", entityId: client.id, kind: "created", actorId: owners[i] ?? null });
    for (const body of spec.notes_) {
      await insertActivity(db, { workspaceId, entityType: "client", entityId: client.id, kind: "note", body, actorId: owners[i] ?? byRole.get("admin")! });
    }
  }
  await addAssignees(db, workspaceId, made[0]!.id, [byRole.get("creator")!, byRole.get("staff")!]);
  await addAssignees(db, workspaceId, made[2]!.id, [byRole.get("creator")!]);
}

/** The demo logins (one per role), as printed at start-up. */
export function demoLogins(): DemoLogin[] {
  return PEOPLE.map((p) => ({ role: p.role, email: `${p.local}@${DEMO_DOMAIN}`, password: DEMO_PASSWORD }));
}

/** Seeds the demo agency when the database has no workspace yet; returns true when it seeded. */
export async function seedDemoIfEmpty(database: Database): Promise<boolean> {
  const [row] = await database.db.select({ n: count() }).from(workspaces);
  if ((row?.n ?? 0) > 0) return false;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await withTransaction(database.pool, async (tx) => {
    const ws = await insertWorkspace(tx.db, { name: "Northwind Creative", timezone: "Europe/London", currency: "GBP", brandColor: "#4f46e5" });
    const made = [];
    for (const { contacts: _c, notes_: _n, ...client } of CLIENTS) made.push(await insertClient(tx.db, { ...client, workspaceId: ws.id }));
    const now = new Date();
    const byRole = new Map<Role, string>();
    for (const p of PEOPLE) {
      const user = await insertUser(tx.db, {
        workspaceId: ws.id,
        email: `${p.local}@${DEMO_DOMAIN}`,
        name: p.name,
        role: p.role,
        status: "active",
        passwordHash,
        passwordChangedAt: now,
        clientId: p.role === "client" ? made[0]!.id : null,
      });
      byRole.set(p.role, user.id);
      await recordAudit(tx.db, { workspaceId: ws.id, actorId: null, action: "user.seeded", entityType: "user", entityId: user.id, changes: { role: p.role } });
    }
    await seedCrm(tx.db, ws.id, made, byRole);
    await seedDemoCrm(tx.db, ws.id, made, byRole);
  });
  return true;
}
