import v8 from "node:v8";

/**
 * Sets how far V8 may grow the old generation past the live heap before its next full collection
 * (ADR 0013). V8's own factor adapts up to 4× the live heap, so a long import with ~60 MB live peaks
 * near 450 MB RSS; 25% keeps it under 300 MB at the cost of more frequent, mostly concurrent
 * collections. V8 reads the flag at every full collection, so setting it at boot takes effect.
 * `0` leaves V8's adaptive default.
 */
export function applyHeapPolicy(growingPercent: number): void {
  if (growingPercent > 0) v8.setFlagsFromString(`--heap-growing-percent=${Math.round(growingPercent)}`);
}
