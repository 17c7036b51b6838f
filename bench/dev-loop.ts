/**
 * Dev-loop benchmark: `npm run dev` in a temporary copy of the project; an author's edit (a word
 * added to a description in a path file) and the time until the served docs page contains it, i.e.
 * what the reloaded page shows. Each edit waits for the previous cycle to finish.
 */
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { markdownTable, median, seconds } from "./lib/measure.js";
import { startDevSession, withDescriptionMarker, type EventStream } from "./lib/dev-session.js";
import { createWorkspace } from "./lib/workspace.js";

export interface DevLoopOptions {
  projectRoot: string;
  edits: number;
  log: (line: string) => void;
}

const EDIT_TIMEOUT_MS = 60_000;

/** Like the open page: on each reload event, fetch the page; done when it shows the marker. */
async function timeUntilServed(events: EventStream, page: () => Promise<string>, marker: string, started: number): Promise<number> {
  for (;;) {
    const left = EDIT_TIMEOUT_MS - (performance.now() - started);
    await events.next("reload", Math.max(left, 1));
    if ((await page()).includes(marker)) return performance.now() - started;
  }
}

export async function runDevLoopBench(options: DevLoopOptions): Promise<string> {
  const { projectRoot, edits, log } = options;
  const workspace = createWorkspace(projectRoot);
  try {
    const pathsDir = join(workspace.dir, "openapi", "paths");
    const file = join(pathsDir, readdirSync(pathsDir).filter((name) => name.endsWith(".yaml")).sort()[0]!);
    const original = readFileSync(file, "utf8");
    log("dev-loop: starting npm run dev");
    const session = await startDevSession(workspace.dir);
    const latencies: number[] = [];
    const events = await session.subscribe();
    try {
      for (let edit = 1; edit <= edits; edit++) {
        const marker = `Devloopmarker${edit}x${Date.now()}`;
        const from = session.output().length;
        const started = performance.now();
        writeFileSync(file, withDescriptionMarker(original, marker));
        latencies.push(await timeUntilServed(events, session.page, marker, started));
        // The rest of the cycle (lint, types, dist/lib) finishes before the next edit.
        await session.waitForOutput(/cycle \d+: (done|failed)/, EDIT_TIMEOUT_MS, from);
        log(`dev-loop: edit ${edit}/${edits}: ${seconds(latencies.at(-1)!)}`);
      }
    } finally {
      events.close();
      await session.stop();
    }
    if (process.env.DEV_LOOP_DEBUG) console.error(session.output());
    return render(latencies);
  } finally {
    workspace.dispose();
  }
}

function render(latencies: number[]): string {
  const sorted = [...latencies].sort((a, b) => a - b);
  return [
    "## Dev loop",
    "",
    "`npm run dev` in a temporary copy: a word added to a description in a path file, then the time until the docs",
    `page served by dev contains it, fetched like the open page does on each \`reload\` event; ${latencies.length} edits, each after the previous cycle finished.`,
    "",
    markdownTable(
      ["edits", "median", "min", "max", "all"],
      [[String(latencies.length), seconds(median(latencies)), seconds(sorted[0]!), seconds(sorted.at(-1)!), sorted.map((ms) => seconds(ms)).join(", ")]],
    ),
  ].join("\n");
}
