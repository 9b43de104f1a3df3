// Run by tests/unit/heap-policy.test.ts in a child process: configures the server's heap policy with
// the percent given, then works like an import (a live set, batches that survive a few turns of the
// event loop and get promoted) inside withLeanHeap, and prints the peak heapTotal in MB.
import { configureHeapPolicy, withLeanHeap } from "../../../server/lib/heap-policy";

configureHeapPolicy(Number(process.argv[2] ?? 0));
const live: { i: number; s: string }[] = [];
for (let i = 0; i < 300_000; i++) live.push({ i, s: `live-${i}-${"x".repeat(40)}` });
let peak = 0;
const recent: { round: number; s: string }[][] = [];
async function churn(rounds: number): Promise<void> {
  for (let round = 0; round < rounds; round++) {
    const batch: { round: number; s: string }[] = [];
    for (let i = 0; i < 5000; i++) batch.push({ round, s: `row-${round}-${i}-${"y".repeat(60)}` });
    recent.push(batch);
    if (recent.length > 4) recent.shift();
    await new Promise((resolve) => setImmediate(resolve));
    peak = Math.max(peak, process.memoryUsage().heapTotal);
  }
}
await withLeanHeap(() => churn(400));
process.stdout.write(`${Math.round(peak / 1048576)} ${live.length}\n`);
