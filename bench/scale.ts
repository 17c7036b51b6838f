/**
 * The build's targets, at each size in one run: `npm run build` (one process) against the bare CLIs it
 * replaces (bareBuildChain: Redocly lint, bundle, Spectral, openapi-typescript, tsc, build-docs, one
 * after another) on the same workspace, target <= 0.8x; and, from 6,000 operations, the build alone
 * (time and peak memory, no target). Size 6 is our document; larger ones are synthesised from it
 * (scripts/synthesize/synthesize.ts). Each run alternates which side goes first.
 */
import { loadavg } from "node:os";
import { formatSummary, markdownTable, median, seconds, summarise, timeCommand, timeSequence, type Summary, type Timing } from "./lib/measure.js";
import { bareBuildChain, npmRun } from "./lib/tools.js";
import { createWorkspace } from "./lib/workspace.js";

export interface ScaleOptions {
  projectRoot: string;
  sizes: number[];
  /** Runs per side; undefined means 3 below 6,000 operations and 1 from there. */
  runs: number | undefined;
  timeoutMs: number;
  log: (line: string) => void;
}

/** From this size the build is reported alone (no target; the bare chain would take minutes). */
const BUILD_ONLY_FROM = 6000;
export const RATIO_TARGET = 0.8;

interface SizeResult {
  operations: number;
  files: number;
  build: Summary;
  bare: Summary | undefined;
  stages: BuildStages | undefined;
  load: string;
}

/** What `npm run build` with BUILD_TIMINGS=1 logs: each stage's duration and start, and the peak memory. */
export interface BuildStages {
  stages: Map<string, { ms: number; atMs: number }>;
  peakRss?: string;
}

/** Reads the stage lines (`docs: 7.81 s (at 24.67 s) ...`) and `build: ... (peak RSS 1.61 GB)` of a build's output. */
export function parseBuildStages(output: string): BuildStages | undefined {
  const stages = new Map<string, { ms: number; atMs: number }>();
  for (const match of output.matchAll(/^([a-z][\w ./-]*): (\d+\.\d+) s \(at (\d+\.\d+) s\)/gm)) {
    stages.set(match[1]!, { ms: Number(match[2]) * 1000, atMs: Number(match[3]) * 1000 });
  }
  if (stages.size === 0) return undefined;
  const peakRss = /^build: .*\(peak RSS ([\d.]+ GB)\)/m.exec(output)?.[1];
  return peakRss ? { stages, peakRss } : { stages };
}

/** The stages of the run whose time is the median (the runs of one size differ mostly in load). */
function medianRunStages(timings: readonly Timing[]): BuildStages | undefined {
  const ok = timings.filter((timing) => timing.ok);
  if (ok.length === 0) return parseBuildStages(timings.at(-1)?.tail ?? "");
  const middle = median(ok.map((timing) => timing.ms));
  return parseBuildStages([...ok].sort((a, b) => Math.abs(a.ms - middle) - Math.abs(b.ms - middle))[0]!.tail);
}

async function benchSize(options: ScaleOptions, operations: number): Promise<SizeResult> {
  const { projectRoot, timeoutMs, log } = options;
  const runs = options.runs ?? (operations >= BUILD_ONLY_FROM ? 1 : 3);
  const workspace = createWorkspace(projectRoot, operations === 6 ? {} : { operations });
  const load = loadavg().map((value) => value.toFixed(1)).join(", ");
  try {
    const build = npmRun(workspace.dir, "build", { BUILD_TIMINGS: "1" });
    log(`scale: ${operations} operations: warm-up npm run build`);
    const warmUp = await timeCommand(build, timeoutMs);
    const builds: Timing[] = [];
    const bares: Timing[] = [];
    for (let run = 1; run <= runs && warmUp.ok; run++) {
      for (const side of run % 2 === 1 ? ["build", "bare"] : ["bare", "build"]) {
        if (side === "bare" && operations >= BUILD_ONLY_FROM) continue;
        log(`scale: ${operations} operations: ${side} (run ${run}/${runs})`);
        if (side === "build") builds.push(await timeCommand(build, timeoutMs));
        else bares.push(await timeSequence(bareBuildChain(workspace.dir), timeoutMs));
      }
    }
    if (!warmUp.ok) builds.push(warmUp);
    return { operations, files: workspace.synthesis?.files ?? 0, build: summarise(builds, timeoutMs), bare: bares.length ? summarise(bares, timeoutMs) : undefined, stages: medianRunStages(builds), load };
  } finally {
    workspace.dispose();
  }
}

function verdict(result: SizeResult): string {
  if (result.build.problem) return "n/a (the build failed)";
  if (!result.bare) return `completes; peak RSS ${result.stages?.peakRss ?? "n/a"} (no target)`;
  if (result.bare.problem) return "n/a (a bare run failed)";
  const ratio = result.build.medianMs / result.bare.medianMs;
  return `**${ratio.toFixed(2)}x** (target <= ${RATIO_TARGET}x: ${ratio <= RATIO_TARGET ? "met" : "missed"})`;
}

export async function runScaleBench(options: ScaleOptions): Promise<string> {
  const results: SizeResult[] = [];
  for (const size of [...options.sizes].sort((a, b) => a - b)) {
    results.push(await benchSize(options, size));
    options.log(`scale: ${size} operations: ${verdict(results.at(-1)!).replaceAll("*", "")}`);
  }
  const size = (result: SizeResult) => `${result.operations.toLocaleString("en-US")} operations`;
  const table = markdownTable(
    ["size", "npm run build (median, min)", "bare CLIs, one after another (median, min)", "build / bare", "load average at start"],
    results.map((result) => [result.operations === 6 ? "6 operations (ours)" : `${size(result)} (${result.files.toLocaleString("en-US")} files)`, formatSummary(result.build), result.bare ? formatSummary(result.bare) : "not run", verdict(result), result.load]),
  );
  const names = [...new Set(results.flatMap((result) => [...(result.stages?.stages.keys() ?? [])]))];
  const stages = markdownTable(
    ["stage of npm run build", ...results.map(size)],
    [
      ...names.map((name) => [name, ...results.map((result) => { const stage = result.stages?.stages.get(name); return stage ? `${seconds(stage.ms)} (from ${seconds(stage.atMs)})` : "not reached"; })]),
      ["peak RSS (process)", ...results.map((result) => result.stages?.peakRss ?? "n/a")],
    ],
  );
  return [
    "## Build targets",
    "",
    `\`npm run build\` against the bare CLIs it replaces, in a temporary copy of the project per size (synthesised from ours above 6),`,
    `after one warm-up build; ${options.runs ?? "3 runs (1 from 6,000 operations)"}${options.runs ? " runs" : ""} per side, time limit ${Math.round(options.timeoutMs / 1000)} s.`,
    `Bare: ${bareBuildChain("").map((spec) => spec.label).join(", ")}.`,
    "",
    table,
    "",
    "The build's stages as it logs them (BUILD_TIMINGS=1; its median run): one thread, one stage after another.",
    "",
    stages,
  ].join("\n");
}
