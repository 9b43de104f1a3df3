import { uuidv7 } from "uuidv7";

/** A new time-ordered UUIDv7, generated in the application so PostgreSQL 15 works (see ADR 0002). */
export function newId(): string {
  return uuidv7();
}
