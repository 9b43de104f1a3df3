import { OpenAPIRegistry, OpenApiGeneratorV31 } from "@asteasolutions/zod-to-openapi";
import { ErrorResponse } from "../../shared/contracts/common";
import { ERROR_STATUS } from "../../shared/errors";
import type { AnyRoute } from "./define-route";

const STATUS_TEXT: Record<number, string> = {
  200: "OK",
  201: "Created",
  202: "Accepted",
  204: "No content",
  400: "Validation failed",
  401: "Not signed in",
  403: "Forbidden (or missing CSRF token)",
  404: "Not found",
  409: "Conflict",
  413: "Payload too large",
  415: "Unsupported media or file type",
  410: "Link invalid or expired",
  429: "Rate limited (see Retry-After)",
};

function accessText(route: AnyRoute): string {
  switch (route.access.kind) {
    case "public":
      return "Public.";
    case "authenticated":
      return "Any signed-in user.";
    case "portal":
      return "Portal client users only.";
    default:
      return `Staff with permission \`${route.access.permission}\`.`;
  }
}

/** Builds the OpenAPI 3.1 document from the route registry and the shared zod contracts. */
export function buildOpenApiDocument(routes: AnyRoute[], opts: { version: string; serverUrl?: string }) {
  const registry = new OpenAPIRegistry();
  registry.registerComponent("securitySchemes", "session", { type: "apiKey", in: "cookie", name: "aos.sid" });
  registry.registerComponent("securitySchemes", "csrf", { type: "apiKey", in: "header", name: "X-CSRF-Token" });
  for (const route of routes) {
    const responses: Record<string, { description: string; content?: Record<string, { schema: never }> }> = {};
    for (const [code, schema] of Object.entries(route.responses)) {
      const ok = Number(code) >= 200 && Number(code) < 300;
      const mediaType = ok && route.produces ? route.produces : "application/json";
      responses[code] = {
        description: STATUS_TEXT[Number(code)] ?? "Response",
        ...(schema ? { content: { [mediaType]: { schema: schema as never } } } : {}),
      };
    }
    const errorCodes = new Set<number>([400, 500]);
    if (route.access.kind !== "public") errorCodes.add(401).add(403);
    if (route.request?.params) errorCodes.add(404);
    for (const code of errorCodes) {
      responses[String(code)] ??= { description: STATUS_TEXT[code] ?? "Error", content: { "application/json": { schema: ErrorResponse as never } } };
      if (!responses[String(code)]!.content) responses[String(code)]!.content = { "application/json": { schema: ErrorResponse as never } };
    }
    registry.registerPath({
      method: route.method,
      path: `/api${route.path.replace(/:([A-Za-z0-9_]+)/g, "{$1}")}`,
      summary: route.summary,
      description: [route.description, accessText(route), route.rateLimit === "sensitive" ? "Sensitive rate limit applies." : ""].filter(Boolean).join(" "),
      tags: route.tags,
      security: route.access.kind === "public" ? [] : [{ session: [], csrf: [] }],
      request: {
        ...(route.request?.params ? { params: route.request.params as never } : {}),
        ...(route.request?.query ? { query: route.request.query as never } : {}),
        ...(route.request?.body ? { body: { content: { [route.consumes ?? "application/json"]: { schema: route.request.body as never } } } } : {}),
      },
      responses: responses as never,
    });
  }
  const generator = new OpenApiGeneratorV31(registry.definitions);
  return generator.generateDocument({
    openapi: "3.1.0",
    info: {
      title: "Agency OS API",
      version: opts.version,
      description: `REST API of Agency OS. Errors: { error: { code, message, details?, requestId } }; codes: ${Object.keys(ERROR_STATUS).join(", ")}.`,
    },
    servers: [{ url: opts.serverUrl ?? "/" }],
  });
}
