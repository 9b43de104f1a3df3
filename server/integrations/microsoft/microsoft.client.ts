import { Client, HTTPMessageHandler } from "@microsoft/microsoft-graph-client";
import { logger } from "../../lib/logger";
import type { Config } from "../../config/env";
import { executeWithCircuit } from "../../lib/circuit-breaker";
import { isAuthRejection, notConfigured, probe } from "../integration-support";
import type { ExternalCalendarEvent, IntegrationClient } from "../integration.types";

export type MicrosoftConfig = Pick<
  Config,
  "MICROSOFT_CLIENT_ID" | "MICROSOFT_CLIENT_SECRET" | "MICROSOFT_TENANT_ID" | "MICROSOFT_GRAPH_BASE_URL" | "INTEGRATION_TIMEOUT_MS"
>;

const GRAPH_VERSION = "v1.0";
const PAGE_SIZE = 250;
const MAX_PAGES = 10;

/** The fields of a Graph event this client asks for. */
interface GraphEvent {
  id: string;
  subject?: string | null;
  start?: { dateTime?: string; timeZone?: string } | null;
  end?: { dateTime?: string; timeZone?: string } | null;
  isAllDay?: boolean;
  isCancelled?: boolean;
  showAs?: string;
  location?: { displayName?: string | null } | null;
  webLink?: string | null;
}

interface GraphPage<T> {
  value: T[];
  "@odata.nextLink"?: string;
}

export interface MicrosoftClient extends IntegrationClient {
  /** Events of the user's default calendar in a window (recurrences expanded), using their access token. */
  listEvents(accessToken: string, window: { start: Date; end: Date }): Promise<ExternalCalendarEvent[]>;
}

/** Graph returns UTC times without an offset when asked for UTC; make them unambiguous. */
function utc(dateTime: string | undefined): string {
  if (!dateTime) return "";
  return /Z|[+-]\d\d:\d\d$/.test(dateTime) ? dateTime : `${dateTime.replace(/\.\d+$/, "")}Z`;
}

/** Graph event → the shape Agency OS shows. */
function toEvent(event: GraphEvent): ExternalCalendarEvent {
  const allDay = Boolean(event.isAllDay);
  const when = (d: GraphEvent["start"]) => (allDay ? (d?.dateTime ?? "").slice(0, 10) : utc(d?.dateTime));
  return {
    id: event.id,
    title: event.subject || "(no title)",
    start: when(event.start),
    end: when(event.end),
    allDay,
    location: event.location?.displayName || null,
    url: event.webLink ?? null,
    status: event.isCancelled ? "cancelled" : event.showAs === "tentative" ? "tentative" : "confirmed",
  };
}

/** Microsoft Graph calendar client over @microsoft/microsoft-graph-client, rooted at MICROSOFT_GRAPH_BASE_URL. */
export function createMicrosoftClient(config: MicrosoftConfig): MicrosoftClient {
  const configured = Boolean(config.MICROSOFT_CLIENT_ID && config.MICROSOFT_CLIENT_SECRET);
  const baseUrl = config.MICROSOFT_GRAPH_BASE_URL.replace(/\/+$/, "");
  const host = new URL(baseUrl).host;

  let client: Client | undefined;

  // A custom middleware chain: no RetryHandler/RedirectHandler (the breaker owns retries) and no
  // AuthenticationHandler, which only attaches tokens to https:// Graph hosts (or https customHosts),
  // so it would silently drop the token for an http:// base URL such as a local fake. Each request
  // sets its user's bearer token itself, and only ever goes to `baseUrl`.
  const graph = () => {
    client ??= Client.initWithMiddleware({ baseUrl, defaultVersion: GRAPH_VERSION, middleware: new HTTPMessageHandler() });
    return client;
  };

  return {
    provider: "microsoft",
    configured,
    status: () => ({
      provider: "microsoft",
      label: "Microsoft 365 Calendar",
      configured,
      detail: configured ? `${host}, tenant ${config.MICROSOFT_TENANT_ID}` : "not configured",
    }),
    healthCheck: async () => {
      if (!configured) return { ok: true, detail: "not configured" };
      return probe("microsoft", async () => {
        const api = graph();
        try {
          // Calls carry each user's token; without one, an auth rejection proves Graph answers.
          await executeWithCircuit("microsoft", (signal) => api.api("/me").option("signal", signal).get(), { idempotent: true });
        } catch (err) {
          if (!isAuthRejection(err)) throw err;
        }
        return `${host} reachable; calls use each user's token`;
      });
    },
    listEvents: async (accessToken, { start, end }) => {
      if (!configured) throw notConfigured("Microsoft 365 Calendar", "microsoft");
      const api = graph();
      const prefix = `${baseUrl}/${GRAPH_VERSION}`;
      const events: ExternalCalendarEvent[] = [];
      let path = `/me/calendarView?startDateTime=${encodeURIComponent(start.toISOString())}&endDateTime=${encodeURIComponent(end.toISOString())}`;
      for (let page = 0; page < MAX_PAGES; page++) {
        const first = page === 0;
        const current = path;
        const res = await executeWithCircuit(
          "microsoft",
          (signal): Promise<GraphPage<GraphEvent>> => {
            const request = api
              .api(current)
              .header("Authorization", `Bearer ${accessToken}`)
              .header("Prefer", 'outlook.timezone="UTC"')
              .option("signal", signal);
            if (first) request.select(["id", "subject", "start", "end", "isAllDay", "isCancelled", "showAs", "location", "webLink"]).top(PAGE_SIZE).orderby("start/dateTime");
            return request.get();
          },
          { idempotent: true },
        );
        for (const item of res.value ?? []) events.push(toEvent(item));
        const next = res["@odata.nextLink"];
        if (!next) break;
        // The SDK only parses absolute https links, so a link under our base URL becomes a relative
        // path; a link anywhere else would receive the user's token, so paging stops there.
        if (!next.startsWith(prefix)) {
          logger.warn({ host }, "Graph nextLink outside the configured base URL; stopping pagination");
          break;
        }
        path = next.slice(prefix.length);
      }
      return events;
    },
  };
}
