import type { FieldValues, Path, UseFormSetError } from "react-hook-form";
import { ApiError, type ClientErrorCode } from "./api-client";

/** "body.email" → "email"; "body.items.0.name" → "items.0.name". */
export function issueField(path: string): string {
  return path.replace(/^(body|query|params)\.?/, "");
}

/**
 * Puts an API error on the form: each `details.issues[]` entry (400 validation_failed) on the
 * field its path names, and whole-request codes (e.g. weak_password, already_exists) on the
 * field given in `codeFields`. Returns true when something landed on a field.
 */
export function applyFieldErrors<T extends FieldValues>(
  error: unknown,
  setError: UseFormSetError<T>,
  fields: readonly Path<T>[],
  codeFields: Partial<Record<ClientErrorCode, Path<T>>> = {},
): boolean {
  if (!(error instanceof ApiError)) return false;
  let applied = false;
  for (const issue of error.details?.issues ?? []) {
    const field = issueField(issue.path);
    if ((fields as readonly string[]).includes(field)) {
      setError(field as Path<T>, { type: "server", message: issue.message }, { shouldFocus: !applied });
      applied = true;
    }
  }
  const codeField = codeFields[error.code];
  if (!applied && codeField) {
    setError(codeField, { type: "server", message: error.message }, { shouldFocus: true });
    applied = true;
  }
  return applied;
}
