import { bearerToken, type FakeReply, fakeId, type HttpFake, startHttpFake, unixNow } from "./http-fake";

function stripeError(status: number, type: string, message: string, code?: string): FakeReply {
  return { status, body: { error: { type, message, code, doc_url: code ? `https://stripe.com/docs/error-codes/${code}` : undefined } } };
}

/** Nested form keys (metadata[plan]=pro) → a flat record, as much of it as the fakes need. */
function formRecord(form: URLSearchParams, prefix: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of form) {
    const m = key.match(new RegExp(`^${prefix}\\[(.+)\\]$`));
    if (m) out[m[1]] = value;
  }
  return out;
}

/** A loopback Stripe API: balance, customers (create/retrieve) in Stripe's JSON and error formats. */
export async function startFakeStripe(): Promise<HttpFake> {
  const customers = new Map<string, Record<string, unknown>>();
  const authed = (token: string | undefined) => token?.startsWith("sk_") || token?.startsWith("rk_");
  const unauthorized = () => stripeError(401, "invalid_request_error", "Invalid API Key provided.", "api_key_invalid");
  return startHttpFake({
    failure: stripeError(500, "api_error", "An unknown error occurred."),
    notFound: (req) => stripeError(404, "invalid_request_error", `Unrecognized request URL (${req.method}: ${req.path}).`),
    routes: [
      [
        "GET",
        /^\/v1\/balance$/,
        (req) =>
          authed(bearerToken(req))
            ? {
                body: {
                  object: "balance",
                  available: [{ amount: 125000, currency: "usd", source_types: { card: 125000 } }],
                  pending: [{ amount: 0, currency: "usd", source_types: { card: 0 } }],
                  livemode: false,
                },
              }
            : unauthorized(),
      ],
      [
        "POST",
        /^\/v1\/customers$/,
        (req) => {
          if (!authed(bearerToken(req))) return unauthorized();
          const customer = {
            id: fakeId("cus_", 14),
            object: "customer",
            created: unixNow(),
            email: req.form.get("email"),
            name: req.form.get("name"),
            description: req.form.get("description"),
            metadata: formRecord(req.form, "metadata"),
            livemode: false,
            balance: 0,
            currency: null,
            delinquent: false,
          };
          customers.set(customer.id, customer);
          return { body: customer };
        },
      ],
      [
        "GET",
        /^\/v1\/customers\/([^/]+)$/,
        (req, m) => {
          if (!authed(bearerToken(req))) return unauthorized();
          const customer = customers.get(m[1]);
          return customer
            ? { body: customer }
            : stripeError(404, "invalid_request_error", `No such customer: '${m[1]}'`, "resource_missing");
        },
      ],
    ],
  });
}
