import { randomBytes } from "node:crypto";
import type { Role } from "../../shared/constants/roles";
import { hashPassword } from "../../server/auth/password";
import type { Db } from "../../server/db/client";
import type { ActivityRow, ClientRow, ContactRow, UserRow, WorkspaceRow } from "../../server/db/schema";
import { insertActivity } from "../../server/modules/activities/activities.repository";
import { addAssignees, insertClient } from "../../server/modules/clients/clients.repository";
import { insertContact } from "../../server/modules/contacts/contacts.repository";
import { insertDefinition } from "../../server/modules/custom-fields/custom-fields.repository";
import { type AssignmentRuleRow, assignmentRules, type CustomFieldDefinitionRow, type LeadFormRow, type LeadRow, leadForms, leads } from "../../server/db/schema";
import { insertUser } from "../../server/modules/users/users.repository";
import { insertWorkspace } from "../../server/modules/workspace/workspace.repository";

/** The password every factory user gets unless told otherwise. */
export const FACTORY_PASSWORD = "Factory-pass-8472!";

const unique = () => randomBytes(4).toString("hex");
let cachedHash: Promise<string> | undefined;
const defaultHash = () => {
  cachedHash ??= hashPassword(FACTORY_PASSWORD);
  return cachedHash;
};

/** A new workspace (with default role permissions). */
export async function buildWorkspace(db: Db, overrides: Partial<WorkspaceRow> = {}): Promise<WorkspaceRow> {
  return insertWorkspace(db, { name: `Agency ${unique()}`, timezone: "UTC", currency: "USD", brandColor: "#4f46e5", ...overrides });
}

/** A new client; builds its own workspace unless given one. */
export async function buildClient(db: Db, overrides: Partial<ClientRow> & { workspaceId?: string } = {}): Promise<ClientRow> {
  const workspaceId = overrides.workspaceId ?? (await buildWorkspace(db)).id;
  return insertClient(db, { name: `Client ${unique()}`, status: "active", ...overrides, workspaceId });
}

export type FactoryUser = UserRow & { password: string };

/**
 * A new user (active, with a known password); builds its own workspace, and for the client role
 * its own client, unless given them.
 */
export async function buildUser(
  db: Db,
  overrides: Partial<Omit<UserRow, "passwordHash">> & { role?: Role; password?: string; workspaceId?: string } = {},
): Promise<FactoryUser> {
  const { password = FACTORY_PASSWORD, ...rest } = overrides;
  const workspaceId = rest.workspaceId ?? (await buildWorkspace(db)).id;
  const role = rest.role ?? "staff";
  const clientId = role === "client" ? (rest.clientId ?? (await buildClient(db, { workspaceId })).id) : null;
  const passwordHash = password === FACTORY_PASSWORD ? await defaultHash() : await hashPassword(password);
  const user = await insertUser(db, {
    email: `user-${unique()}@example.test`,
    name: `User ${unique()}`,
    status: "active",
    ...rest,
    role,
    clientId,
    workspaceId,
    passwordHash,
  });
  return { ...user, password };
}

/** A workspace with one active user per role (and a client for the portal user). */
export async function buildTeam(db: Db) {
  const workspace = await buildWorkspace(db);
  const client = await buildClient(db, { workspaceId: workspace.id });
  const make = (role: Role) => buildUser(db, { workspaceId: workspace.id, role, ...(role === "client" ? { clientId: client.id } : {}) });
  const [admin, manager, staff, sales_agent, creator, clientUser] = await Promise.all([
    make("admin"),
    make("manager"),
    make("staff"),
    make("sales_agent"),
    make("creator"),
    make("client"),
  ]);
  return { workspace, client, users: { admin, manager, staff, sales_agent, creator, client: clientUser } };
}

/** A new contact; builds its own client (and workspace) unless given one. */
export async function buildContact(db: Db, overrides: Partial<ContactRow> & { clientId?: string } = {}): Promise<ContactRow> {
  const client = overrides.clientId
    ? { id: overrides.clientId, workspaceId: overrides.workspaceId! }
    : await buildClient(db, overrides.workspaceId ? { workspaceId: overrides.workspaceId } : {});
  if (!client.workspaceId) throw new Error("buildContact with a clientId needs its workspaceId");
  return insertContact(db, { firstName: `Contact${unique()}`, lastName: "Person", email: `contact-${unique()}@example.test`, ...overrides, clientId: client.id, workspaceId: client.workspaceId });
}

/** Assigns users to a client. */
export async function assignClient(db: Db, client: Pick<ClientRow, "id" | "workspaceId">, ...userIds: string[]): Promise<void> {
  await addAssignees(db, client.workspaceId, client.id, userIds);
}

/** A timeline entry on a record (a note unless told otherwise). */
export async function buildActivity(
  db: Db,
  entity: { workspaceId: string; entityType: ActivityRow["entityType"]; entityId: string },
  overrides: Partial<ActivityRow> = {},
): Promise<ActivityRow> {
  return insertActivity(db, { kind: "note", body: `Note ${unique()}`, ...overrides, ...entity });
}

/**
 * A custom field definition (a text field on clients unless told otherwise); builds its own workspace
 * unless given one. Written straight to the table: create definitions through the API when a test
 * depends on the definitions cache being invalidated.
 */
export async function buildCustomField(
  db: Db,
  overrides: Partial<Omit<CustomFieldDefinitionRow, "id" | "createdAt">> & { workspaceId?: string } = {},
): Promise<CustomFieldDefinitionRow> {
  const workspaceId = overrides.workspaceId ?? (await buildWorkspace(db)).id;
  const key = overrides.key ?? `f_${unique()}`;
  const row = await insertDefinition(db, { entityType: "client", label: `Field ${key}`, type: "text", ...overrides, key, workspaceId });
  if (!row) throw new Error(`custom field key ${key} is taken`);
  return row;
}

/** A new lead (status new, no owner unless given); builds its own workspace unless given one. Written straight to the table (no assignment rules). */
export async function buildLead(db: Db, overrides: Partial<typeof leads.$inferInsert> & { workspaceId?: string } = {}): Promise<LeadRow> {
  const workspaceId = overrides.workspaceId ?? (await buildWorkspace(db)).id;
  const [row] = await db
    .insert(leads)
    .values({ name: `Lead ${unique()}`, email: `lead-${unique()}@example.test`, source: "manual", ...overrides, workspaceId })
    .returning();
  return row!;
}

/** An assignment rule (assigning to `userId` unless told otherwise), appended to the workspace's order. */
export async function buildAssignmentRule(db: Db, workspaceId: string, overrides: Partial<typeof assignmentRules.$inferInsert> & { assign: AssignmentRuleRow["assign"] }): Promise<AssignmentRuleRow> {
  const [row] = await db
    .insert(assignmentRules)
    .values({ name: `Rule ${unique()}`, position: Date.now() % 1_000_000_000, ...overrides, workspaceId })
    .returning();
  return row!;
}

/** A web-to-lead form (name + required email, message on success, no allowed origins unless given); builds its own workspace unless given one. */
export async function buildLeadForm(db: Db, overrides: Partial<typeof leadForms.$inferInsert> & { workspaceId?: string } = {}): Promise<LeadFormRow> {
  const workspaceId = overrides.workspaceId ?? (await buildWorkspace(db)).id;
  const [row] = await db
    .insert(leadForms)
    .values({
      name: `Form ${unique()}`,
      publicId: randomBytes(12).toString("base64url"),
      fields: [
        { key: "name", label: "Name", required: true, placeholder: null, type: "text", options: [] },
        { key: "email", label: "Email", required: true, placeholder: null, type: "email", options: [] },
      ],
      consent: { required: false, text: "" },
      success: { mode: "message", message: "Thanks!", redirectUrl: null },
      ...overrides,
      workspaceId,
    })
    .returning();
  return row!;
}
