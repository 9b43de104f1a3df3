import { count } from "drizzle-orm";
import type { Role } from "../../../shared/constants/roles";
import { hashPassword } from "../../auth/password";
import { recordAudit } from "../../modules/audit/audit.service";
import { insertClient } from "../../modules/clients/clients.repository";
import { insertUser } from "../../modules/users/users.repository";
import { insertWorkspace } from "../../modules/workspace/workspace.repository";
import type { Database } from "../client";
import { workspaces } from "../schema";
import { withTransaction } from "../transaction";

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

const CLIENTS = ["Acme Coffee Roasters", "Bluebird Dental", "Cedar & Pine Realty", "Driftwood Surf Co.", "Evergreen Yoga Studio"];

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
    const clients = [];
    for (const [i, name] of CLIENTS.entries()) {
      clients.push(await insertClient(tx.db, { workspaceId: ws.id, name, status: i === 4 ? "paused" : "active" }));
    }
    const now = new Date();
    for (const p of PEOPLE) {
      const user = await insertUser(tx.db, {
        workspaceId: ws.id,
        email: `${p.local}@${DEMO_DOMAIN}`,
        name: p.name,
        role: p.role,
        status: "active",
        passwordHash,
        passwordChangedAt: now,
        clientId: p.role === "client" ? clients[0]!.id : null,
      });
      await recordAudit(tx.db, { workspaceId: ws.id, actorId: null, action: "user.seeded", entityType: "user", entityId: user.id, changes: { role: p.role } });
    }
  });
  return true;
}
