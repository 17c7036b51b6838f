/**
 * Scale benchmark: documents of growing size, synthesised from ours (scripts/synthesize/synthesize.ts), through
 * each step of the pipeline with the tools run directly (the pipeline's constant start-up cost is the
 * Pipeline section's subject). A step that exceeds the time limit is reported as such.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { formatSummary, markdownTable, median, seconds, summarise, timeSequence, type CommandSpec, type Summary, type Timing } from "./lib/measure.js";
import { bareTools, npmRun } from "./lib/tools.js";
import { createWorkspace } from "./lib/workspace.js";

export interface ScaleOptions {
  projectRoot: string;
  sizes: number[];
  /** Runs per step; undefined means 3 below 6,000 operations and 1 from there. */
  runs: number | undefined;
  timeoutMs: number;
  log: (line: string) => void;
}

export const BUILD_STEP = "npm run build (one process, everything)";

interface ScaleStep {
  name: string;
  commands: CommandSpec[];
  /** Steps whose output this one reads; it is not run when one of them failed. */
  needs: string[];
}

/** Type-checks only the generated files, with the project's compiler options. */
const GENERATED_TSCONFIG = JSON.stringify({ extends: "./tsconfig.json", compilerOptions: { noEmit: true }, include: ["generated"] });

function scaleSteps(dir: string): ScaleStep[] {
  const tools = bareTools(dir);
  writeFileSync(join(dir, "tsconfig.generated.json"), GENERATED_TSCONFIG);
  return [
    { name: "bundle (redocly bundle, YAML + JSON)", commands: [tools.bundleYaml, tools.bundleJson], needs: [] },
    { name: "lint: Redocly (redocly lint)", commands: [tools.redoclyLint], needs: [] },
    { name: "lint: Spectral (project ruleset, on the bundle)", commands: [tools.spectralLint("dist/openapi.yaml")], needs: ["bundle (redocly bundle, YAML + JSON)"] },
    { name: "generate (scripts/generate/generate.ts)", commands: [tools.generateScript], needs: ["bundle (redocly bundle, YAML + JSON)"] },
    { name: "type-check generated types (tsc)", commands: [tools.tsc("tsconfig.generated.json")], needs: ["generate (scripts/generate/generate.ts)"] },
    { name: "docs (build-docs)", commands: [tools.docs("dist/docs/index.html")], needs: [] },
    // The whole build in one process (lint, one bundle, Spectral, types, dist/lib, docs): the figure to hold to 60 s at 6,000 operations.
    // BUILD_TIMINGS=1: the build logs when each stage started and its peak memory (the stage table below).
    { name: BUILD_STEP, commands: [npmRun(dir, "build", { BUILD_TIMINGS: "1" })], needs: [] },
  ];
}

interface SizeResult {
  operations: number;
  files: number;
  synthesisMs: number;
  steps: Map<string, Summary | string>;
  /** The one-process build's own log of its stages, from its median run. */
  buildStages: BuildStages | undefined;
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
  const closest = [...ok].sort((a, b) => Math.abs(a.ms - middle) - Math.abs(b.ms - middle))[0]!;
  return parseBuildStages(closest.tail);
}

async function benchSize(options: ScaleOptions, operations: number): Promise<SizeResult> {
  const { projectRoot, timeoutMs, log } = options;
  const runs = options.runs ?? (operations >= 6000 ? 1 : 3);
  const started = performance.now();
  const workspace = createWorkspace(projectRoot, { operations });
  const synthesisMs = performance.now() - started;
  try {
    const steps = new Map<string, Summary | string>();
    let buildStages: BuildStages | undefined;
    for (const step of scaleSteps(workspace.dir)) {
      const blocked = step.needs.find((need) => typeof steps.get(need) !== "object" || (steps.get(need) as Summary).problem);
      if (blocked) {
        steps.set(step.name, `not run: "${blocked}" did not complete`);
        continue;
      }
      const timings: Timing[] = [];
      for (let run = 1; run <= runs; run++) {
        log(`scale: ${operations} operations: ${step.name} (run ${run}/${runs})`);
        const timing = await timeSequence(step.commands, timeoutMs);
        timings.push(timing);
        if (timing.timedOut) break; // one time-out is the answer; do not spend the limit again
      }
      steps.set(step.name, summarise(timings, timeoutMs));
      if (step.name === BUILD_STEP) buildStages = medianRunStages(timings);
    }
    return { operations, files: workspace.synthesis?.files ?? 0, synthesisMs, steps, buildStages };
  } finally {
    workspace.dispose();
  }
}

export async function runScaleBench(options: ScaleOptions): Promise<string> {
  const sizes = [...options.sizes].sort((a, b) => a - b);
  const results: SizeResult[] = [];
  for (const size of sizes) results.push(await benchSize(options, size));
  return render(results, options);
}

function cell(value: Summary | string | undefined): string {
  return typeof value === "string" ? value : formatSummary(value);
}

/** How a step's median grows between consecutive sizes, normalised to a 10x size step (exponent k: time ~ size^k). */
function growth(before: Summary | string | undefined, after: Summary | string | undefined, sizeRatio: number): string {
  if (typeof before !== "object" || typeof after !== "object" || before.problem || after.problem) return "n/a";
  const ratio = after.medianMs / before.medianMs;
  const exponent = Math.log(ratio) / Math.log(sizeRatio);
  const per10x = Math.pow(10, exponent);
  return `x${per10x.toFixed(1)} per 10x (k=${exponent.toFixed(2)})`;
}

function render(results: readonly SizeResult[], options: ScaleOptions): string {
  const stepNames = [...(results[0]?.steps.keys() ?? [])];
  const header = ["step", ...results.map((result) => `${result.operations.toLocaleString("en-US")} operations`)];
  const rows = stepNames.map((name) => [name, ...results.map((result) => cell(result.steps.get(name)))]);
  rows.push(["(synthesis, not a pipeline step)", ...results.map((result) => `${seconds(result.synthesisMs)}, ${result.files.toLocaleString("en-US")} files`)]);

  const lines = [
    "## Scale",
    "",
    `Documents synthesised from ours by replicating its operations under new paths and schema names (scripts/synthesize/synthesize.ts),`,
    `each step run with the bare tool (see Pipeline) in a temporary copy of the project, and the whole one-process \`npm run build\`. Median and min of`,
    `${options.runs ?? "3 runs (1 run from 6,000 operations)"}${options.runs ? " runs" : ""}; time limit ${Math.round(options.timeoutMs / 1000)} s per step.`,
    "",
    markdownTable(header, rows),
  ];
  if (results.length > 1) {
    const growthHeader = ["step", ...results.slice(1).map((result, index) => `${results[index]!.operations} -> ${result.operations}`)];
    const growthRows = stepNames.map((name) => [
      name,
      ...results.slice(1).map((result, index) => growth(results[index]!.steps.get(name), result.steps.get(name), result.operations / results[index]!.operations)),
    ]);
    lines.push(
      "",
      "Growth with size: the median's ratio between consecutive sizes, scaled to a 10x size step, and the exponent k in time ~ size^k",
      "(k = 1 is linear; fixed start-up costs pull k below 1 at small sizes).",
      "",
      markdownTable(growthHeader, growthRows),
    );
  }
  lines.push(...renderBuildStages(results));
  return lines.join("\n");
}

/** Where the one-process build's time goes at each size: each stage's duration and when it started. */
function renderBuildStages(results: readonly SizeResult[]): string[] {
  const names: string[] = [];
  for (const result of results) for (const name of result.buildStages?.stages.keys() ?? []) if (!names.includes(name)) names.push(name);
  if (names.length === 0) return [];
  const header = ["stage of npm run build", ...results.map((result) => `${result.operations.toLocaleString("en-US")} operations`)];
  const rows = names.map((name) => [
    name,
    ...results.map((result) => {
      const stage = result.buildStages?.stages.get(name);
      return stage ? `${seconds(stage.ms)} (from ${seconds(stage.atMs)})` : "not reached";
    }),
  ]);
  rows.push(["peak RSS (process)", ...results.map((result) => result.buildStages?.peakRss ?? "n/a")]);
  return [
    "",
    "The one-process build's stages, as it logs them (BUILD_TIMINGS=1; its median run): time and start. Redocly lint and",
    "Spectral run on worker threads, at most two stages at once, so the stages overlap and do not add up to the build's time.",
    "",
    markdownTable(header, rows),
  ];
}
