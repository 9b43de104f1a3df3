import { type FakeReply, fakeId, type HttpFake, startHttpFake } from "./http-fake";

function twilioError(status: number, code: number, message: string): FakeReply {
  return { status, body: { code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status } };
}

/** Basic-auth user and password of a request. */
function basicAuth(header: string | undefined): [string, string] | undefined {
  if (!header?.startsWith("Basic ")) return undefined;
  const [user, ...rest] = Buffer.from(header.slice(6), "base64").toString("utf8").split(":");
  return [user, rest.join(":")];
}

/** A loopback Twilio REST API (2010-04-01 accounts and messages), checking basic auth against the credentials given. */
export async function startFakeTwilio(credentials: { accountSid: string; authToken: string }): Promise<HttpFake> {
  const authed = (header: string | undefined, sid: string) => {
    const auth = basicAuth(header);
    return auth?.[0] === credentials.accountSid && auth[1] === credentials.authToken && sid === credentials.accountSid;
  };
  const unauthorized = () => twilioError(401, 20003, "Authenticate");
  return startHttpFake({
    failure: twilioError(500, 20500, "Internal Server Error"),
    notFound: (req) => twilioError(404, 20404, `The requested resource ${req.path} was not found`),
    routes: [
      [
        "GET",
        /^\/2010-04-01\/Accounts\/(AC[0-9a-zA-Z]+)\.json$/,
        (req, m) =>
          authed(req.headers.authorization, m[1])
            ? {
                body: {
                  sid: m[1],
                  friendly_name: "Agency OS test account",
                  status: "active",
                  type: "Trial",
                  date_created: new Date().toUTCString(),
                  uri: `/2010-04-01/Accounts/${m[1]}.json`,
                },
              }
            : unauthorized(),
      ],
      [
        "POST",
        /^\/2010-04-01\/Accounts\/(AC[0-9a-zA-Z]+)\/Messages\.json$/,
        (req, m) => {
          if (!authed(req.headers.authorization, m[1])) return unauthorized();
          const to = req.form.get("To");
          const body = req.form.get("Body");
          if (!to || !body) return twilioError(400, 21604, "A 'To' phone number and a 'Body' are required.");
          const sid = fakeId("SM", 32);
          return {
            status: 201,
            body: {
              sid,
              account_sid: m[1],
              to,
              from: req.form.get("From"),
              body,
              status: "queued",
              direction: "outbound-api",
              num_segments: "1",
              price: null,
              date_created: new Date().toUTCString(),
              uri: `/2010-04-01/Accounts/${m[1]}/Messages/${sid}.json`,
            },
          };
        },
      ],
    ],
  });
}
