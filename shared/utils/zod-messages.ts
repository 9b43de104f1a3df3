// Only zod's core config: the browser loads this before any page, and `zod` itself would pull the
// whole schema library into the initial bundle.
import { config, type $ZodRawIssue } from "zod/v4/core";

// Zod's default English messages read like a type checker ('Invalid option: expected one of
// "new"|"contacted"', 'Invalid input: expected number, received string', 'Too small: expected
// string to have >=1 characters'). People read these: in the API's 400 `details.issues`, in the
// forms (which show the API's own messages), and in an import's rejected rows. This map says the same
// thing in plain words. A message given in a schema (`.min(1, "Enter the tag")`) still wins: zod
// uses the global map only where a schema has none.

type Issue = $ZodRawIssue;

const FORMATS: Record<string, string> = {
  email: "Enter a valid email address",
  url: "Enter a full web address, e.g. https://example.com",
  uuid: "Use a valid id",
  guid: "Use a valid id",
  date: "Enter a date as YYYY-MM-DD",
  datetime: "Enter a date and time in ISO 8601 form, e.g. 2026-01-31T09:00:00Z",
  time: "Enter a time as HH:MM",
  regex: "Use the expected format",
};

/** `"a", "b" or "c"` */
function oneOf(values: readonly unknown[]): string {
  const shown = values.map((v) => (typeof v === "string" ? `"${v}"` : String(v)));
  return shown.length <= 1 ? (shown[0] ?? "") : `${shown.slice(0, -1).join(", ")} or ${shown[shown.length - 1]}`;
}

function typeMessage(expected: string, input: unknown): string {
  if (input === undefined) return "This field is required";
  switch (expected) {
    case "number":
    case "int":
    case "bigint":
      return "Enter a number";
    case "string":
      return "Enter text";
    case "boolean":
      return "Use true or false";
    case "array":
      return "Send a list";
    case "date":
      return "Enter a date";
    case "object":
    case "record":
      return "Send an object with named fields";
    case "null":
      return "Leave this empty";
    default:
      return "This value has the wrong type";
  }
}

function sizeMessage(issue: { origin?: string; exact?: boolean; inclusive?: boolean }, bound: number | bigint, side: "min" | "max"): string {
  const n = Number(bound);
  const inclusive = issue.inclusive !== false;
  switch (issue.origin) {
    case "string":
      if (issue.exact) return `Use exactly ${n} character${n === 1 ? "" : "s"}`;
      if (side === "min") return n <= 1 && inclusive ? "This field can't be empty" : `Use at least ${inclusive ? n : n + 1} characters`;
      return `Use at most ${inclusive ? n : n - 1} characters`;
    case "array":
    case "set":
      if (issue.exact) return `Give exactly ${n} item${n === 1 ? "" : "s"}`;
      if (side === "min") return `Give at least ${inclusive ? n : n + 1} item${n === 1 && inclusive ? "" : "s"}`;
      return `Give at most ${inclusive ? n : n - 1} items`;
    default:
      if (side === "min") return inclusive ? `Use ${n.toLocaleString("en-US")} or more` : `Use more than ${n.toLocaleString("en-US")}`;
      return inclusive ? `Use ${n.toLocaleString("en-US")} or less` : `Use less than ${n.toLocaleString("en-US")}`;
  }
}

/** The plain-words message of an issue, or undefined to keep zod's own. */
export function plainZodMessage(issue: Issue): string | undefined {
  switch (issue.code) {
    case "invalid_type":
      return typeMessage(String(issue.expected), issue.input);
    case "invalid_value":
      return issue.values.length === 1 ? `Use ${oneOf(issue.values)}` : `Use one of ${oneOf(issue.values)}`;
    case "invalid_format":
      return FORMATS[issue.format] ?? "Use the expected format";
    case "too_small":
      return sizeMessage(issue, issue.minimum, "min");
    case "too_big":
      return sizeMessage(issue, issue.maximum, "max");
    case "not_multiple_of":
      return `Use a multiple of ${String(issue.divisor)}`;
    case "unrecognized_keys":
      return `Remove ${issue.keys.length > 1 ? "these fields" : "this field"}, which ${issue.keys.length > 1 ? "are" : "is"} not accepted here: ${issue.keys.join(", ")}`;
    case "invalid_union": {
      // A discriminated union names the values its discriminator accepts.
      const options = (issue as { options?: unknown[] }).options;
      if (Array.isArray(options) && options.length) return `Use one of ${oneOf(options)}`;
      return "This value doesn't match any accepted form";
    }
    case "invalid_key":
      return "Use a valid key";
    case "invalid_element":
      return "One of the values is not valid";
    default:
      return undefined;
  }
}

let installed = false;

/** Makes zod use the plain-words messages everywhere (idempotent; the server and the browser each call it once at start). */
export function installZodMessages(): void {
  if (installed) return;
  installed = true;
  config({ customError: (issue) => plainZodMessage(issue as Issue) });
}

installZodMessages();
