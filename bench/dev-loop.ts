/**
 * Dev-loop benchmark: `npm run dev` in a temporary copy of the project, at 6 operations (ours) and at
 * 600 (a synthesised document, scripts/synthesize/synthesize.ts); an author's edit (a word added to an
 * operation's summary, in place) and the time until the docs page served by dev contains it, fetched
 * like the open page does on each `reload` event. Each edit waits for the previous cycle to finish.
 */
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { markdownTable, median, seconds } from "./lib/measure.js";
import { startDevSession, withSummaryMarker, type EventStream } from "./lib/dev-session.js";
import { createWorkspace } from "./lib/workspace.js";

export interface DevLoopOptions {
  projectRoot: string;
  edits: number;
  log: (line: string) => void;
  /** Operation counts (multiples of ours); default 6 and 600. */
  sizes?: number[];
}

/** The targets of issue 22: edit -> reloaded page, median. */
const TARGET_MS: Record<number, number> = { 6: 500, 600: 1500 };
const EDIT_TIMEOUT_MS = 120_000;

/** Like the open page: on each reload event, fetch the page; done when it shows the marker. */
async function timeUntilServed(events: EventStream, page: () => Promise<string>, marker: string, started: number): Promise<number> {
  for (;;) {
    const left = EDIT_TIMEOUT_MS - (performance.now() - started);
    await events.next("reload", Math.max(left, 1));
    if ((await page()).includes(marker)) return performance.now() - started;
  }
}

interface SizeResult {
  operations: number;
  latencies: number[];
  /** Each edit's whole cycle (lint and the other outputs included), as dev logs it. */
  cycles: number[];
  load: string;
}

async function measure(projectRoot: string, operations: number, edits: number, log: DevLoopOptions["log"]): Promise<SizeResult> {
  const workspace = createWorkspace(projectRoot, operations === 6 ? {} : { operations });
  try {
    const pathsDir = join(workspace.dir, "openapi", "paths");
    const file = join(pathsDir, readdirSync(pathsDir).filter((name) => name.endsWith(".yaml")).sort()[0]!);
    const original = readFileSync(file, "utf8");
    log(`dev-loop: ${operations} operations: starting npm run dev`);
    const session = await startDevSession(workspace.dir, { readyTimeoutMs: 300_000 });
    const latencies: number[] = [];
    const cycles: number[] = [];
    const events = await session.subscribe();
    const load = loadavg().map((value) => value.toFixed(2)).join(", ");
    try {
      for (let edit = 1; edit <= edits; edit++) {
        const marker = `Devloopmarker${edit}x${Date.now()}`;
        const from = session.output().length;
        const started = performance.now();
        writeFileSync(file, withSummaryMarker(original, marker));
        latencies.push(await timeUntilServed(events, session.page, marker, started));
        // The rest of the cycle (lint, types, dist/lib) finishes before the next edit.
        const end = await session.waitForOutput(/cycle \d+: (done in [\d.]+ s|failed)/, EDIT_TIMEOUT_MS, from);
        cycles.push(Number(/([\d.]+) s/.exec(end)?.[1] ?? NaN) * 1000);
        log(`dev-loop: ${operations} operations: edit ${edit}/${edits}: ${seconds(latencies.at(-1)!)} (cycle ${seconds(cycles.at(-1)!)})`);
      }
    } finally {
      events.close();
      await session.stop();
    }
    if (process.env.DEV_LOOP_DEBUG) console.error(session.output());
    return { operations, latencies, cycles, load };
  } finally {
    workspace.dispose();
  }
}

export async function runDevLoopBench(options: DevLoopOptions): Promise<string> {
  const results: SizeResult[] = [];
  for (const operations of options.sizes ?? [6, 600]) results.push(await measure(options.projectRoot, operations, options.edits, options.log));
  return render(results, options.edits);
}

function render(results: SizeResult[], edits: number): string {
  const rows = results.map(({ operations, latencies, cycles, load }) => {
    const sorted = [...latencies].sort((a, b) => a - b);
    const target = TARGET_MS[operations];
    const medianMs = median(latencies);
    return [
      String(operations),
      seconds(medianMs),
      target === undefined ? "" : `≤ ${seconds(target)} (${medianMs <= target ? "met" : "missed"})`,
      `${seconds(sorted[0]!)} – ${seconds(sorted.at(-1)!)}`,
      seconds(median(cycles)),
      load,
    ];
  });
  return [
    "## Dev loop",
    "",
    "`npm run dev` in a temporary copy (600 operations: a synthesised document): a word added to an operation's summary in a",
    `path file, then the time until the docs page served by dev contains it, fetched like the open page does on each \`reload\` event;`,
    `${edits} edits per size, each after the previous cycle finished. "Cycle" is the whole cycle dev logs (lint, types and the other outputs follow the reload).`,
    "Load is the machine's load average (1, 5, 15 min) when the edits began.",
    "",
    markdownTable(["operations", "edit → page, median", "target", "min – max", "cycle, median", "load"], rows),
  ].join("\n");
}
