import v8 from "node:v8";
import { runInNewContext } from "node:vm";

let leanPercent = 0;
let leanScopes = 0;
let collect: (() => void) | undefined;

/**
 * A full collection on demand, the way jest-leak-detector gets one: expose `gc` to a fresh context
 * (the flag only affects contexts created after it). Used once when a lean scope opens, so the new
 * factor applies from the live heap instead of the limit the adaptive factor had already granted.
 */
function fullCollection(): void {
  if (!collect) {
    v8.setFlagsFromString("--expose-gc");
    collect = runInNewContext("gc") as () => void;
  }
  collect();
}

/**
 * Sets the heap growing factor used while bulk jobs run (`HEAP_GROWING_PERCENT`, ADR 0013; 0 turns the
 * lean mode off). V8's own factor adapts up to 4× the live heap, so a long import with ~60 MB live
 * peaks near 450 MB RSS; 25% keeps it under 300 MB at the cost of more frequent, mostly concurrent
 * full collections. That cost shows in request latency (list p99 74 → 109 ms at 20 connections when
 * set for the whole process), so it applies only while a bulk job runs: see `withLeanHeap`.
 */
export function configureHeapPolicy(growingPercent: number): void {
  leanPercent = Math.max(0, Math.round(growingPercent));
}

/**
 * Runs `fn` with the lean growing factor (reference-counted across concurrent jobs); V8 reads the
 * flag at every full collection, so it takes effect at once and the adaptive default (0) returns
 * when the last scope ends.
 */
export async function withLeanHeap<T>(fn: () => Promise<T>): Promise<T> {
  if (leanPercent === 0) return fn();
  if (leanScopes++ === 0) {
    v8.setFlagsFromString(`--heap-growing-percent=${leanPercent}`);
    fullCollection();
  }
  try {
    return await fn();
  } finally {
    if (--leanScopes === 0) v8.setFlagsFromString("--heap-growing-percent=0");
  }
}
