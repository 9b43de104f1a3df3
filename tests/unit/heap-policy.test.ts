import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const run = promisify(execFile);
const script = path.resolve(import.meta.dirname, "fixtures/heap-churn.ts");

async function peakHeapMb(percent: number): Promise<number> {
  const { stdout } = await run(process.execPath, ["--import", "tsx", script, String(percent)], { timeout: 60_000 });
  return Number(stdout.trim().split(" ")[0]);
}

describe("heap policy (HEAP_GROWING_PERCENT)", () => {
  it("keeps an import-like workload's heap far below V8's adaptive default", async () => {
    const [adaptive, bounded] = await Promise.all([peakHeapMb(0), peakHeapMb(25)]);
    // Measured: ~376 MB adaptive against ~152 MB at 25% (live data ~60 MB).
    expect(bounded).toBeGreaterThan(0);
    expect(bounded).toBeLessThan(adaptive * 0.6);
  }, 90_000);
});
