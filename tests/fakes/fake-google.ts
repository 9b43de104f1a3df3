import { bearerToken, type FakeReply, type HttpFake, startHttpFake } from "./http-fake";

/** An event as the Calendar API returns it (the fields the client reads). */
export interface GoogleEventFixture {
  id: string;
  summary: string;
  start: { dateTime?: string; date?: string };
  end: { dateTime?: string; date?: string };
  status?: "confirmed" | "tentative" | "cancelled";
  location?: string;
}

function googleError(code: number, status: string, message: string): FakeReply {
  return { status: code, body: { error: { code, message, errors: [{ message, domain: "global", reason: status.toLowerCase() }], status } } };
}

const startOf = (e: GoogleEventFixture) => Date.parse(e.start.dateTime ?? e.start.date ?? "");
const endOf = (e: GoogleEventFixture) => Date.parse(e.end.dateTime ?? e.end.date ?? "");

/**
 * A loopback Google Calendar v3 API (calendarList.list, events.list with timeMin/timeMax and paging)
 * serving `events` to any bearer token listed in `tokens`.
 */
export async function startFakeGoogle(opts: { tokens: string[]; events: GoogleEventFixture[] }): Promise<HttpFake> {
  const unauthenticated = () =>
    googleError(401, "UNAUTHENTICATED", "Request is missing required authentication credential. Expected OAuth 2 access token.");
  const authed = (token: string | undefined) => token !== undefined && opts.tokens.includes(token);
  return startHttpFake({
    failure: googleError(503, "UNAVAILABLE", "The service is currently unavailable."),
    notFound: () => googleError(404, "NOT_FOUND", "Not Found"),
    routes: [
      [
        "GET",
        /^\/calendar\/v3\/users\/me\/calendarList$/,
        (req) =>
          authed(bearerToken(req))
            ? {
                body: {
                  kind: "calendar#calendarList",
                  items: [{ kind: "calendar#calendarListEntry", id: "primary", summary: "Work", accessRole: "owner", primary: true }],
                },
              }
            : unauthenticated(),
      ],
      [
        "GET",
        /^\/calendar\/v3\/calendars\/([^/]+)\/events$/,
        (req, m) => {
          if (!authed(bearerToken(req))) return unauthenticated();
          const timeMin = Date.parse(req.query.get("timeMin") ?? "") || Number.NEGATIVE_INFINITY;
          const timeMax = Date.parse(req.query.get("timeMax") ?? "") || Number.POSITIVE_INFINITY;
          const inWindow = opts.events.filter((e) => endOf(e) > timeMin && startOf(e) < timeMax).sort((a, b) => startOf(a) - startOf(b));
          const offset = Number(req.query.get("pageToken") ?? 0);
          const size = Number(req.query.get("maxResults") ?? 250);
          const page = inWindow.slice(offset, offset + size);
          const more = offset + size < inWindow.length;
          return {
            body: {
              kind: "calendar#events",
              summary: decodeURIComponent(m[1]),
              timeZone: "UTC",
              items: page.map((e) => ({ kind: "calendar#event", status: "confirmed", htmlLink: `https://calendar.google.com/event?eid=${e.id}`, ...e })),
              nextPageToken: more ? String(offset + size) : undefined,
            },
          };
        },
      ],
    ],
  });
}
