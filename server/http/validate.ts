import type { z } from "zod";
import { type FieldIssue, errors } from "../../shared/errors";

/** Turns zod issues into field issues, prefixing the request part (body/query/params). */
export function toFieldIssues(part: string, error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({
    path: [part, ...issue.path.map(String)].join("."),
    message: issue.message,
    code: issue.code,
  }));
}

/** Parses params, query and body with their schemas; throws one 400 listing every issue. */
export function parseRequest(
  schemas: { params?: z.ZodType; query?: z.ZodType; body?: z.ZodType } | undefined,
  raw: { params: unknown; query: unknown; body: unknown },
): { params: unknown; query: unknown; body: unknown } {
  const issues: FieldIssue[] = [];
  const out: { params: unknown; query: unknown; body: unknown } = { params: {}, query: {}, body: undefined };
  for (const part of ["params", "query", "body"] as const) {
    const schema = schemas?.[part];
    if (!schema) continue;
    // A missing JSON body parses as {} so required-field errors name the fields.
    const value = part === "body" && (raw.body === undefined || raw.body === null) ? {} : raw[part];
    const result = schema.safeParse(value);
    if (result.success) out[part] = result.data;
    else issues.push(...toFieldIssues(part, result.error));
  }
  // A route without a body schema takes no body: extra input is refused, never silently ignored.
  if (!schemas?.body && raw.body && typeof raw.body === "object" && Object.keys(raw.body).length > 0) {
    issues.push({ path: "body", message: "This endpoint takes no request body", code: "unrecognized_keys" });
  }
  if (issues.length) throw errors.validation(issues);
  return out;
}
