/**
 * The build's Redocly resolvers read a bounded number of files at once: at 6,000 synthesised operations
 * (24,016 files) two unbounded resolvers ran out of file descriptors (EMFILE) and failed the build.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { BaseResolver, Source } from "@redocly/openapi-core";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { limitConcurrency } from "../../scripts/common/concurrency-limit.js";
import { CONCURRENT_FILE_READS, FileLimitedResolver } from "../../scripts/bundle/bundler.js";

const tick = () => new Promise<void>((resolve) => setTimeout(resolve, 1));

/** Runs `count` tasks through `run` at once and returns the most that were in flight together. */
async function peakInFlight(count: number, start: (task: () => Promise<void>) => Promise<void>): Promise<number> {
  let inFlight = 0;
  let peak = 0;
  await Promise.all(
    Array.from({ length: count }, () =>
      start(async () => {
        inFlight++;
        peak = Math.max(peak, inFlight);
        await tick();
        inFlight--;
      }),
    ),
  );
  return peak;
}

describe("limitConcurrency", () => {
  it("runs at most `limit` tasks at once and every task to its end", async () => {
    const limit = limitConcurrency(3);
    expect(await peakInFlight(20, limit)).toBe(3);
    const results = await Promise.all([1, 2, 3, 4, 5].map((value) => limit(async () => value * 10)));
    expect(results).toEqual([10, 20, 30, 40, 50]);
  });

  it("starts waiting tasks in the order they came", async () => {
    const limit = limitConcurrency(1);
    const order: number[] = [];
    await Promise.all([1, 2, 3, 4].map((value) => limit(async () => void order.push(value))));
    expect(order).toEqual([1, 2, 3, 4]);
  });

  it("frees the slot of a task that fails, and passes its error on", async () => {
    const limit = limitConcurrency(1);
    await expect(limit(async () => Promise.reject(new Error("read failed")))).rejects.toThrow("read failed");
    await expect(limit(async () => "next")).resolves.toBe("next");
  });

  it("refuses a limit that is not a positive integer, naming it", () => {
    expect(() => limitConcurrency(0)).toThrow("limitConcurrency: limit must be a positive integer, got 0");
    expect(() => limitConcurrency(1.5)).toThrow("limit must be a positive integer, got 1.5");
  });
});

describe("FileLimitedResolver", () => {
  const dir = mkdtempSync(join(tmpdir(), "limited-resolver-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  afterEach(() => vi.restoreAllMocks());

  it(`reads at most ${CONCURRENT_FILE_READS} files at once`, async () => {
    let inFlight = 0;
    let peak = 0;
    vi.spyOn(BaseResolver.prototype, "loadExternalRef").mockImplementation(async (ref: string) => {
      inFlight++;
      peak = Math.max(peak, inFlight);
      await tick();
      inFlight--;
      return new Source(ref, "{}");
    });
    const resolver = new FileLimitedResolver();
    const sources = await Promise.all(Array.from({ length: CONCURRENT_FILE_READS * 4 }, (_, index) => resolver.loadExternalRef(join(dir, `f${index}.yaml`))));
    expect(sources).toHaveLength(CONCURRENT_FILE_READS * 4);
    expect(peak).toBe(CONCURRENT_FILE_READS);
  });

  it("still reads the files themselves", async () => {
    const file = join(dir, "schema.yaml");
    writeFileSync(file, "type: string\n");
    const source = await new FileLimitedResolver().loadExternalRef(file);
    expect(source.body).toBe("type: string\n");
    expect(source.absoluteRef).toBe(file);
  });
});
