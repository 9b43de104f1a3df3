import { auth, type calendar_v3, calendar } from "@googleapis/calendar";
import type { Config } from "../../config/env";
import { executeWithCircuit } from "../../lib/circuit-breaker";
import { isAuthRejection, notConfigured, probe } from "../integration-support";
import type { CalendarWindow, ExternalCalendarEvent, IntegrationClient } from "../integration.types";

export type GoogleConfig = Pick<Config, "GOOGLE_CLIENT_ID" | "GOOGLE_CLIENT_SECRET" | "GOOGLE_API_BASE_URL" | "INTEGRATION_TIMEOUT_MS">;

const PAGE_SIZE = 250;
const MAX_PAGES = 10;

export interface GoogleClient extends IntegrationClient {
  /** Events of one calendar in a window (recurring events expanded), using a user's OAuth access token. */
  listEvents(accessToken: string, calendarId: string, window: CalendarWindow): Promise<ExternalCalendarEvent[]>;
}

/** Google event → the shape Agency OS shows. */
function toEvent(event: calendar_v3.Schema$Event): ExternalCalendarEvent {
  const allDay = Boolean(event.start?.date && !event.start.dateTime);
  const status = event.status === "tentative" || event.status === "cancelled" ? event.status : "confirmed";
  return {
    id: event.id ?? "",
    title: event.summary ?? "(no title)",
    start: event.start?.dateTime ?? event.start?.date ?? "",
    end: event.end?.dateTime ?? event.end?.date ?? "",
    allDay,
    location: event.location ?? null,
    url: event.htmlLink ?? null,
    status,
  };
}

/** Google Calendar client over @googleapis/calendar, rooted at GOOGLE_API_BASE_URL. */
export function createGoogleClient(config: GoogleConfig): GoogleClient {
  const configured = Boolean(config.GOOGLE_CLIENT_ID && config.GOOGLE_CLIENT_SECRET);
  const host = new URL(config.GOOGLE_API_BASE_URL).host;
  let api: calendar_v3.Calendar | undefined;

  // Retries belong to the breaker; the API object itself makes no request until called.
  const client = () => {
    api ??= calendar({ version: "v3", rootUrl: config.GOOGLE_API_BASE_URL, timeout: config.INTEGRATION_TIMEOUT_MS, retry: false });
    return api;
  };

  const userAuth = (accessToken: string) => {
    const oauth = new auth.OAuth2({ clientId: config.GOOGLE_CLIENT_ID, clientSecret: config.GOOGLE_CLIENT_SECRET });
    oauth.setCredentials({ access_token: accessToken });
    return oauth;
  };

  return {
    provider: "google",
    configured,
    status: () => ({
      provider: "google",
      label: "Google Calendar",
      configured,
      detail: configured ? `${host} (OAuth client set)` : "not configured",
    }),
    healthCheck: async () => {
      if (!configured) return { ok: true, detail: "not configured" };
      return probe("google", async () => {
        const cal = client();
        try {
          // Calls carry each user's token; without one, an auth rejection proves the API answers.
          await executeWithCircuit("google", (signal) => cal.calendarList.list({ maxResults: 1 }, { signal }), { idempotent: true });
        } catch (err) {
          if (!isAuthRejection(err)) throw err;
        }
        return `${host} reachable; calls use each user's token`;
      });
    },
    listEvents: async (accessToken, calendarId, { timeMin, timeMax }) => {
      if (!configured) throw notConfigured("Google Calendar", "google");
      const cal = client();
      const oauth = userAuth(accessToken);
      const events: ExternalCalendarEvent[] = [];
      let pageToken: string | undefined;
      for (let page = 0; page < MAX_PAGES; page++) {
        const res = await executeWithCircuit(
          "google",
          (signal) =>
            cal.events.list(
              {
                auth: oauth,
                calendarId,
                timeMin: timeMin.toISOString(),
                timeMax: timeMax.toISOString(),
                singleEvents: true,
                orderBy: "startTime",
                maxResults: PAGE_SIZE,
                pageToken,
              },
              { signal },
            ),
          { idempotent: true },
        );
        for (const item of res.data.items ?? []) events.push(toEvent(item));
        pageToken = res.data.nextPageToken ?? undefined;
        if (!pageToken) break;
      }
      return events;
    },
  };
}
