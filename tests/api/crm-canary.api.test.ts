import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { z } from "zod";
import { apiRoutes } from "../../server/http/route-registry";
import { DEFAULT_ROLE_PERMISSIONS } from "../../shared/constants/roles";
import { assignClient, buildActivity, buildClient, buildContact, buildCustomField, buildLead, buildUser, buildWorkspace, type FactoryUser } from "../factories";
import { buildDeal } from "../factories/deals";
import { buildAttachment } from "../factories/attachments";
import { type ApiClient, loginAs } from "../setup/http-client";
import { createTestApp, type TestApp } from "../setup/test-app";

/**
 * The canary: two clients of one workspace, each with a unique marker in every text field, note and
 * contact. Users who may see only client A crawl every GET route of the registry (with each list
 * filter, `q` search and the export) and client B's marker must never appear in any response.
 */
let t: TestApp;
const markerA = `canarya${randomBytes(4).toString("hex")}`;
const markerB = `canaryb${randomBytes(4).toString("hex")}`;
let ids: { clientA: string; clientB: string; contactA: string; contactB: string; ownerB: string; salesAgent: string; creator: string; fileA: string; fileB: string; leadA: string; leadB: string; dealA: string; dealB: string; pipeline: string };
const callers: Record<string, FactoryUser> = {};

async function seedClient(workspaceId: string, marker: string, ownerId: string | null) {
  const db = t.database.db;
  const client = await buildClient(db, {
    workspaceId,
    name: `Client ${marker}`,
    industry: `Industry ${marker}`,
    website: `https://${marker}.example.test`,
    phone: `${marker} phone`,
    address: { line1: `1 ${marker} Street`, city: `${marker}ville`, country: "GB" },
    tags: [marker, "shared"],
    notes: `Notes about ${marker}`,
    customFields: { code: `Code ${marker}`, site: `https://${marker}.example.test/cf` },
    ownerId,
  });
  const contact = await buildContact(db, {
    workspaceId,
    clientId: client.id,
    firstName: `First${marker}`,
    lastName: `Last${marker}`,
    email: `${marker}@example.test`,
    phone: `${marker} ext`,
    title: `Title ${marker}`,
    customFields: { code: `Code ${marker}` },
  });
  await buildActivity(db, { workspaceId, entityType: "client", entityId: client.id }, { body: `Note on ${marker}` });
  await buildActivity(db, { workspaceId, entityType: "contact", entityId: contact.id }, { body: `Call with ${marker}` });
  // A deal on the client, owned by the client's owner (sales agents reach only their own deals).
  const deal = await buildDeal(db, { workspaceId, clientId: client.id, contactId: contact.id, ownerId, title: `Deal ${marker}`, tags: [marker, "shared"], expectedCloseDate: "2031-01-15" });
  await buildActivity(db, { workspaceId, entityType: "deal", entityId: deal.id }, { body: `Pitch to ${marker}` });
  // A file shared with the client's portal: the marker is in its name and its bytes.
  const file = await buildAttachment(
    db,
    t.ctx.storage,
    { workspaceId, entityType: "client", entityId: client.id },
    { bytes: Buffer.from(`Brief for ${marker}\n`), contentType: "text/plain", fileName: `Brief ${marker}.txt`, sharedWithClient: true },
  );
  // A lead on each side (owned by the side's owner) with the marker in every text field, a note and a file.
  const lead = await buildLead(db, {
    workspaceId,
    name: `Lead ${marker}`,
    company: `Company ${marker}`,
    email: `lead-${marker}@example.test`,
    phone: `${marker} lead phone`,
    tags: [marker, "shared"],
    notes: `Lead notes ${marker}`,
    sourceDetail: `Source ${marker}`,
    customFields: { code: `Code ${marker}` },
    consent: { givenAt: new Date().toISOString(), method: "form", text: `Consent ${marker}` },
    ownerId,
  });
  await buildActivity(db, { workspaceId, entityType: "lead", entityId: lead.id }, { body: `Lead note ${marker}` });
  await buildAttachment(db, t.ctx.storage, { workspaceId, entityType: "lead", entityId: lead.id }, { bytes: Buffer.from(`Lead brief ${marker}\n`), contentType: "text/plain", fileName: `Lead ${marker}.txt` });
  return { client, contact, file, lead, deal };
}

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  const ws = await buildWorkspace(db, { name: "Canary Agency" });
  const w = ws.id;
  // Custom fields: values carry the markers too (definitions are workspace-wide, so labels do not).
  await buildCustomField(db, { workspaceId: w, entityType: "client", key: "code", label: "Code", type: "text" });
  await buildCustomField(db, { workspaceId: w, entityType: "client", key: "site", label: "Site", type: "url" });
  await buildCustomField(db, { workspaceId: w, entityType: "contact", key: "code", label: "Code", type: "text" });
  await buildCustomField(db, { workspaceId: w, entityType: "lead", key: "code", label: "Code", type: "text" });
  const salesAgent = await buildUser(db, { workspaceId: w, role: "sales_agent", name: "Canary Sales" });
  const creator = await buildUser(db, { workspaceId: w, role: "creator", name: "Canary Creator" });
  // The owner is a colleague every staff member may list; the marker lives only in client B's own data.
  const ownerB = await buildUser(db, { workspaceId: w, role: "manager", name: "Canary Owner B" });
  const a = await seedClient(w, markerA, salesAgent.id);
  const b = await seedClient(w, markerB, ownerB.id);
  await assignClient(db, a.client, creator.id);
  const portal = await buildUser(db, { workspaceId: w, role: "client", clientId: a.client.id, name: "Canary Portal" });
  // The exports are crawled with rows in them: this workspace lets sales agents and creators export
  // (clients.export covers the clients and contacts exports), so visibility is what keeps B out.
  const admin = await loginAs(t, await buildUser(db, { workspaceId: w, role: "admin" }));
  for (const role of ["sales_agent", "creator"] as const) {
    expect((await admin.put(`/api/roles/${role}/permissions`, { permissions: [...DEFAULT_ROLE_PERMISSIONS[role], "clients.export"] })).status).toBe(200);
  }
  Object.assign(callers, { sales_agent: salesAgent, creator, portal });
  ids = { clientA: a.client.id, clientB: b.client.id, contactA: a.contact.id, contactB: b.contact.id, ownerB: ownerB.id, salesAgent: salesAgent.id, creator: creator.id, fileA: a.file.id, fileB: b.file.id, leadA: a.lead.id, leadB: b.lead.id, dealA: a.deal.id, dealB: b.deal.id, pipeline: a.deal.pipelineId };
});
afterAll(async () => {
  await t?.close();
});

/** Values to try for each list filter a route's query schema declares. */
function queryVariants(schema: z.ZodType | undefined): string[] {
  const shape = (schema as { shape?: Record<string, unknown> } | undefined)?.shape;
  if (!shape) return [""];
  const keys = Object.keys(shape);
  if (keys.includes("ids")) {
    // The duplicates comparison: pairs of the caller's record with the other side's.
    return [`entityType=client&ids=${ids.clientA},${ids.clientB}`, `entityType=contact&ids=${ids.contactA},${ids.contactB}`, `entityType=lead&ids=${ids.leadA},${ids.leadB}`];
  }
  if (keys.includes("entityId")) {
    return [
      `entityType=client&entityId=${ids.clientA}`,
      `entityType=client&entityId=${ids.clientB}`,
      `entityType=contact&entityId=${ids.contactA}`,
      `entityType=contact&entityId=${ids.contactB}`,
      `entityType=lead&entityId=${ids.leadA}`,
      `entityType=lead&entityId=${ids.leadB}`,
      `entityType=deal&entityId=${ids.dealA}`,
      `entityType=deal&entityId=${ids.dealB}`,
    ];
  }
  const values: Record<string, string[]> = {
    q: [markerA, markerB, "canary", "Client", `${markerB.slice(0, -1)}x`],
    status: ["active", "new"],
    source: ["manual"],
    unassigned: ["true"],
    ownerId: [ids.ownerB, ids.salesAgent],
    assigneeId: [ids.creator, ids.ownerB],
    tag: [markerB, "shared"],
    clientId: [ids.clientA, ids.clientB],
    sort: ["name", "createdAt", "updatedAt", "relevance"],
    entityId: [ids.clientB],
    actorId: [ids.ownerB],
    cf: [`code:${markerB}`, `code:${markerA}`, "code:canary"],
    entityType: ["client", "contact", "lead", "deal"],
    pipelineId: [ids.pipeline],
    rotting: ["true"],
  };
  const out = ["", "limit=200"];
  for (const key of keys) for (const v of values[key] ?? []) out.push(`${key}=${encodeURIComponent(v)}`);
  if (keys.includes("sortKey")) out.push("sort=custom&sortKey=code", "sort=custom&sortKey=code&order=desc&limit=1", `sort=custom&sortKey=code&cf=code%3A${markerB}`);
  return out;
}

/** Concrete paths for a GET route: its params filled with A's and B's records. */
function pathsFor(path: string): string[] {
  if (!path.includes(":")) return [`/api${path}`];
  if (path === "/clients/:id") return [ids.clientA, ids.clientB].map((id) => `/api/clients/${id}`);
  if (path === "/contacts/:id") return [ids.contactA, ids.contactB].map((id) => `/api/contacts/${id}`);
  if (path === "/users/:id") return [ids.ownerB, ids.salesAgent].map((id) => `/api/users/${id}`);
  if (path === "/leads/:id" || path === "/leads/:id/automation-runs") return [ids.leadA, ids.leadB].map((id) => `/api${path.replace(":id", id)}`);
  // Workspace configuration (admins and managers only): every canary role is refused before any record is read.
  if (["/automations/:id", "/automations/:id/runs", "/forms/:id", "/imports/:id", "/imports/:id/rejects.csv"].includes(path)) return [`/api${path.replace(":id", ids.leadB)}`];
  if (path === "/deals/:id" || path === "/deals/:id/stage-history") return [ids.dealA, ids.dealB].map((id) => `/api${path.replace(":id", id)}`);
  if (path === "/pipelines/:id/board") return [`/api/pipelines/${ids.pipeline}/board`];
  if (path === "/attachments/:id/download") return [ids.fileA, ids.fileB].map((id) => `/api/attachments/${id}/download`);
  if (path === "/portal/files/:id/download") return [ids.fileA, ids.fileB].map((id) => `/api/portal/files/${id}/download`);
  throw new Error(`canary: teach pathsFor the GET route ${path}`);
}

for (const role of ["sales_agent", "creator", "portal"] as const) {
  describe(`canary as ${role}`, () => {
    it("no response of any GET route carries client B's marker", async () => {
      const client: ApiClient = await loginAs(t, callers[role]!);
      const leaks: string[] = [];
      let sawA = 0;
      let calls = 0;
      // The global search palette's endpoint is crawled with each marker as the term.
      const searched: string[] = [];
      const exported: string[] = [];
      for (const route of apiRoutes.filter((r) => r.method === "get" && r.access.kind !== "public")) {
        for (const path of pathsFor(route.path)) {
          for (const query of queryVariants(route.request?.query)) {
            const url = query ? `${path}?${query}` : path;
            const res = await client.get(url);
            calls++;
            const text = (res.text ?? "").toLowerCase();
            if (text.includes(markerB)) leaks.push(`${url} → ${res.status}`);
            if (res.status === 200 && text.includes(markerA)) sawA++;
            if (url.startsWith("/api/search?")) searched.push(`${query} → ${res.status}${text.includes(markerA) ? " A" : ""}`);
            if (url.includes("/export.csv")) exported.push(`${url} → ${res.status}${text.includes(markerA) ? " A" : ""}`);
          }
        }
      }
      expect(leaks).toEqual([]);
      expect(calls).toBeGreaterThan(20);
      expect(searched).toEqual(
        role === "portal"
          ? expect.arrayContaining([`q=${markerA} → 403`, `q=${markerB} → 403`])
          : expect.arrayContaining([`q=${markerA} → 200 A`, `q=${markerB} → 200`, `q=${markerB.slice(0, -1)}x → 200`]),
      );
      // The CSV exports answered with A's rows (portal users are refused).
      expect(exported).toEqual(
        role === "portal"
          ? expect.arrayContaining(["/api/clients/export.csv → 403", "/api/contacts/export.csv → 403"])
          : expect.arrayContaining(["/api/clients/export.csv → 200 A", "/api/contacts/export.csv → 200 A", `/api/contacts/export.csv?q=${markerA} → 200 A`]),
      );
      // The crawl really reached client A's data (so the absence of B's marker means something).
      expect(sawA).toBeGreaterThan(role === "portal" ? 0 : 10);
    });
  });
}
