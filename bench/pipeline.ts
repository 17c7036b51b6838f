/**
 * Pipeline benchmark: each step as the project runs it (`npm run <step>`) next to the bare tool
 * invocations on the same inputs, in the same workspace and the same run; the difference is the
 * pipeline's own overhead (npm, npx, bash, tsx start-up and the scripts' extra work).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { formatSummary, markdownTable, seconds, summarise, timeCommand, timeSequence, type CommandSpec, type Summary, type Timing } from "./lib/measure.js";
import { bareBuildChain, bareTools, npmRun } from "./lib/tools.js";
import { createWorkspace } from "./lib/workspace.js";

interface Step {
  /** The npm script. */
  script: string;
  title: string;
  bare: CommandSpec[];
}

export interface PipelineOptions {
  projectRoot: string;
  runs: number;
  timeoutMs: number;
  log: (line: string) => void;
}

function stepsFor(dir: string, scripts: Record<string, string>): Step[] {
  const tools = bareTools(dir);
  const steps: Step[] = [
    { script: "lint", title: "lint (Redocly, then Spectral on a bundle)", bare: [tools.redoclyLint, tools.bundleForLint, tools.spectralLint("dist/lint/openapi.yaml")] },
    { script: "bundle", title: "bundle (YAML and JSON)", bare: [tools.bundleYaml, tools.bundleJson] },
    { script: "generate", title: "generate (types and media-type map)", bare: [tools.openapiTypescript] },
    { script: "build:lib", title: "type-check and emit (tsc -p tsconfig.build.json)", bare: [tools.tsc("tsconfig.build.json")] },
    { script: "docs", title: "docs (dist/docs/index.html)", bare: [tools.buildDocs("dist/bench/docs.html")] },
  ];
  return steps.filter((step) => step.script in scripts);
}

interface Row {
  title: string;
  pipeline: Summary;
  bare: Summary | undefined;
  note?: string;
}

export async function runPipelineBench(options: PipelineOptions): Promise<string> {
  const { projectRoot, runs, timeoutMs, log } = options;
  const workspace = createWorkspace(projectRoot);
  try {
    const scripts = (JSON.parse(readFileSync(join(projectRoot, "package.json"), "utf8")) as { scripts: Record<string, string> }).scripts;
    const steps = stepsFor(workspace.dir, scripts);

    log("pipeline: warm-up npm run build");
    const warmUp = await timeCommand(npmRun(workspace.dir, "build"), timeoutMs);
    if (!warmUp.ok) throw new Error(`npm run build fails in a copy of the project, so the pipeline cannot be timed:\n${warmUp.tail}`);

    const measured = new Map<string, { pipeline: Timing[]; bare: Timing[] }>();
    const record = (key: string, kind: "pipeline" | "bare", timing: Timing) => {
      const entry = measured.get(key) ?? { pipeline: [], bare: [] };
      entry[kind].push(timing);
      measured.set(key, entry);
    };
    const all = [...steps, { script: "build", title: "`npm run build` (one process) vs the bare CLIs' sum", bare: bareBuildChain(workspace.dir) }];
    for (let run = 1; run <= runs; run++) {
      for (const step of all) {
        log(`pipeline: run ${run}/${runs}: ${step.script}`);
        // Alternate which goes first, so warm caches favour neither side.
        const order: Array<"pipeline" | "bare"> = run % 2 === 1 ? ["pipeline", "bare"] : ["bare", "pipeline"];
        for (const kind of order) {
          if (kind === "bare" && step.bare.length === 0) continue;
          const timing = kind === "pipeline" ? await timeCommand(npmRun(workspace.dir, step.script), timeoutMs) : await timeSequence(step.bare, timeoutMs);
          record(step.script, kind, timing);
        }
      }
    }

    const rows: Row[] = all.map((step) => {
      const entry = measured.get(step.script)!;
      const row: Row = { title: step.title, pipeline: summarise(entry.pipeline, timeoutMs), bare: entry.bare.length ? summarise(entry.bare, timeoutMs) : undefined };
      return row;
    });
    return render(rows, steps, runs, log);
  } finally {
    workspace.dispose();
  }
}

/** The headline: the whole build against the bare tools' sum, as a ratio of medians from this run. */
function buildRatio(rows: readonly Row[]): string {
  const build = rows.at(-1);
  if (!build?.bare || build.pipeline.problem || build.bare.problem) return "`npm run build` vs bare CLIs: n/a (a run failed)";
  const ratio = build.pipeline.medianMs / build.bare.medianMs;
  return `**\`npm run build\` ${seconds(build.pipeline.medianMs)} vs the bare CLIs' sum ${seconds(build.bare.medianMs)} (medians, same run): ${ratio.toFixed(2)}x** (target <= 0.8x)`;
}

function render(rows: readonly Row[], steps: readonly Step[], runs: number, log: (line: string) => void): string {
  const headline = buildRatio(rows);
  log(`pipeline: ${headline.replaceAll("*", "")}`);
  const table = markdownTable(
    ["step", "npm run (median, min)", "bare tools (median, min)", "pipeline overhead (median)"],
    rows.map((row) => [
      row.title,
      formatSummary(row.pipeline),
      row.bare ? formatSummary(row.bare) : `n/a${row.note ? ` (${row.note})` : ""}`,
      row.bare && !row.pipeline.problem && !row.bare.problem ? overhead(row.pipeline, row.bare) : "n/a",
    ]),
  );
  const bareList = steps.map((step) => `- \`${step.script}\`: ${step.bare.map((spec) => `\`${[spec.command.split("/").pop(), ...spec.args].join(" ")}\``).join(", then ")}`);
  return [
    "## Pipeline",
    "",
    headline,
    "",
    `Each step of \`npm run build\` and \`npm run docs\` in a temporary copy of the project, ${runs} run${runs === 1 ? "" : "s"} each, next to the bare`,
    "tools on the same inputs (node_modules/.bin, no npm/npx/bash/tsx). The overhead column is npm run minus bare tools.",
    "",
    table,
    "",
    "Bare invocations:",
    "",
    ...bareList,
    "- `build`: the bare commands above, one after another (bench/lib/tools.ts bareBuildChain); `npm run build` itself is one Node process (scripts/build/build.ts).",
  ].join("\n");
}

function overhead(pipeline: Summary, bare: Summary): string {
  const delta = pipeline.medianMs - bare.medianMs;
  return `${delta >= 0 ? "+" : "-"}${seconds(Math.abs(delta))} (${((pipeline.medianMs / bare.medianMs - 1) * 100).toFixed(0)}%)`;
}
