import { bearerToken, type FakeReply, type HttpFake, startHttpFake } from "./http-fake";

/** An event as Graph's calendarView returns it with Prefer: outlook.timezone="UTC". */
export interface GraphEventFixture {
  id: string;
  subject: string;
  start: string;
  end: string;
  isAllDay?: boolean;
  location?: string;
}

function graphError(status: number, code: string, message: string): FakeReply {
  return {
    status,
    body: { error: { code, message, innerError: { date: new Date().toISOString(), "request-id": crypto.randomUUID() } } },
  };
}

const graphTime = (iso: string) => ({ dateTime: iso.replace(/Z$/, "").replace(/(\.\d{3})?$/, ".0000000"), timeZone: "UTC" });

/** A loopback Microsoft Graph v1.0 (/me, /me/calendarView with $top/$skip paging) serving `events` to the listed tokens. */
export async function startFakeMicrosoft(opts: { tokens: string[]; events: GraphEventFixture[] }): Promise<HttpFake> {
  const authed = (token: string | undefined) => token !== undefined && opts.tokens.includes(token);
  const unauthenticated = (token: string | undefined) =>
    graphError(401, "InvalidAuthenticationToken", token ? "IDX14100: JWT is not well formed." : "Access token is empty.");
  const fake = await startHttpFake({
    failure: graphError(503, "serviceNotAvailable", "Service is temporarily unavailable."),
    notFound: (req) => graphError(400, "BadRequest", `Resource not found for the segment '${req.path.split("/").pop()}'.`),
    routes: [
      [
        "GET",
        /^\/v1\.0\/me$/,
        (req) =>
          authed(bearerToken(req))
            ? {
                body: {
                  "@odata.context": `${fake.origin}/v1.0/$metadata#users/$entity`,
                  id: "4d5c0b5e-0000-4000-8000-000000000001",
                  displayName: "Ada Lovelace",
                  mail: "ada@agency.example",
                  userPrincipalName: "ada@agency.example",
                },
              }
            : unauthenticated(bearerToken(req)),
      ],
      [
        "GET",
        /^\/v1\.0\/me\/calendarView$/,
        (req) => {
          const token = bearerToken(req);
          if (!authed(token)) return unauthenticated(token);
          const start = Date.parse(req.query.get("startDateTime") ?? "");
          const end = Date.parse(req.query.get("endDateTime") ?? "");
          if (Number.isNaN(start) || Number.isNaN(end)) {
            return graphError(400, "ErrorInvalidParameter", "This request requires a time window specified by the query string parameters StartDateTime and EndDateTime.");
          }
          const inWindow = opts.events.filter((e) => Date.parse(e.end) > start && Date.parse(e.start) < end).sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
          const top = Number(req.query.get("$top") ?? 10);
          const skip = Number(req.query.get("$skip") ?? 0);
          const page = inWindow.slice(skip, skip + top);
          const next = new URL(`${fake.origin}/v1.0/me/calendarView`);
          for (const [k, v] of req.query) if (k !== "$skip") next.searchParams.set(k, v);
          next.searchParams.set("$skip", String(skip + top));
          return {
            body: {
              "@odata.context": `${fake.origin}/v1.0/$metadata#users('me')/calendarView`,
              value: page.map((e) => ({
                id: e.id,
                subject: e.subject,
                start: graphTime(e.start),
                end: graphTime(e.end),
                isAllDay: e.isAllDay ?? false,
                isCancelled: false,
                showAs: "busy",
                location: { displayName: e.location ?? "" },
                webLink: `https://outlook.office365.com/owa/?itemid=${e.id}`,
              })),
              "@odata.nextLink": skip + top < inWindow.length ? next.href : undefined,
            },
          };
        },
      ],
    ],
  });
  return fake;
}
