/**
 * `npm run bench`: the build targets (scale: 6, 600 and 6,000 operations), pipeline steps, dev loop and client benchmarks; writes bench/RESULTS.md (or --out).
 * Numbers are reported, never asserted.
 *
 *   npm run bench                                  everything (6,000 operations takes several minutes)
 *   npm run bench -- --only pipeline --runs 2      one section, fewer runs
 *   npm run bench -- --only scale --sizes 6,600    the build targets without 6,000 operations
 *   npm run bench -- --only client --requests 500 --out /tmp/bench.md
 *   npm run bench -- --only validate               the contract check's cost per call
 */
import { execFileSync } from "node:child_process";
import { existsSync, writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { runClientBench } from "./client.js";
import { runDevLoopBench } from "./dev-loop.js";
import { runPipelineBench } from "./pipeline.js";
import { runScaleBench } from "./scale.js";
import { runValidateBench } from "./validate.js";

const projectRoot = fileURLToPath(new URL("../", import.meta.url));
const SECTIONS = ["pipeline", "dev", "scale", "client", "validate"] as const;
type Section = (typeof SECTIONS)[number];
/** The order the sections run in (see main()); every section once. */
const RUN_ORDER: readonly Section[] = ["client", "validate", "pipeline", "dev", "scale"];

const USAGE = `Usage: npm run bench -- [options]
  --only <list>      sections to run, comma-separated: ${SECTIONS.join(",")} (default: all)
  --runs <n>         pipeline: runs per step (default 3)
  --edits <n>        dev: edits timed in the dev loop (default 9)
  --sizes <list>     scale: operation counts, multiples of 6 (default 6,600,6000)
  --scale-runs <n>   scale: runs per side (default 3, and 1 from 6,000 operations)
  --timeout <s>      time limit per step and run (default 600)
  --requests <n>     client, validate: requests per measurement (default 2000)
  --rounds <n>       client, validate: rounds (default 3)
  --out <file>       where to write the report (default bench/RESULTS.md)`;

function positiveInteger(value: string, flag: string): number {
  if (!/^[1-9]\d*$/.test(value)) throw new Error(`${flag} must be a positive whole number, got ${JSON.stringify(value)}`);
  return Number(value);
}

function parseOptions(argv: string[]) {
  const { values } = parseArgs({
    args: argv,
    options: {
      only: { type: "string" },
      runs: { type: "string", default: "3" },
      edits: { type: "string", default: "9" },
      sizes: { type: "string", default: "6,600,6000" },
      "scale-runs": { type: "string" },
      timeout: { type: "string", default: "600" },
      requests: { type: "string", default: "2000" },
      rounds: { type: "string", default: "3" },
      out: { type: "string", default: "bench/RESULTS.md" },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const only = values.only === undefined ? [...SECTIONS] : values.only.split(",").map((item) => item.trim());
  for (const section of only) {
    if (!(SECTIONS as readonly string[]).includes(section)) throw new Error(`--only: unknown section "${section}" (expected ${SECTIONS.join(", ")})`);
  }
  const sizes = values.sizes.split(",").map((item) => positiveInteger(item.trim(), "--sizes"));
  return {
    only: only as Section[],
    runs: positiveInteger(values.runs, "--runs"),
    edits: positiveInteger(values.edits, "--edits"),
    sizes,
    scaleRuns: values["scale-runs"] === undefined ? undefined : positiveInteger(values["scale-runs"], "--scale-runs"),
    timeoutMs: positiveInteger(values.timeout, "--timeout") * 1000,
    requests: positiveInteger(values.requests, "--requests"),
    rounds: positiveInteger(values.rounds, "--rounds"),
    out: resolve(projectRoot, values.out),
    argv,
  };
}

function gitDescription(): string {
  try {
    const commit = execFileSync("git", ["rev-parse", "--short=12", "HEAD"], { cwd: projectRoot, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
    const dirty = execFileSync("git", ["status", "--porcelain"], { cwd: projectRoot, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim() !== "";
    return `${commit}${dirty ? " plus uncommitted changes" : ""}`;
  } catch {
    return "unknown (not a git checkout)";
  }
}

function environment(argv: string[]): string {
  const cpu = cpus();
  return [
    `- Date: ${new Date().toISOString()}`,
    `- Commit: ${gitDescription()}`,
    `- Machine: ${cpu.length} x ${cpu[0]?.model.trim() ?? "unknown CPU"}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB RAM, ${process.platform} ${process.arch}`,
    `- Node ${process.version}`,
    `- Command: \`npm run bench${argv.length ? ` -- ${argv.join(" ")}` : ""}\``,
  ].join("\n");
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const log = (line: string) => console.error(`[bench] ${line}`);
  if (!existsSync(resolve(projectRoot, "generated", "openapi.json")) && (options.only.includes("client") || options.only.includes("validate"))) {
    throw new Error("the client benchmark serves an example from generated/openapi.json: run `npm run build` (or `npm run bundle`) first");
  }
  // The per-call sections run first, on a settled machine: run after the scale section (minutes of
  // multi-gigabyte builds and the deletion of their 24,016-file copies), the client's sequential overhead
  // measured +42 us where four runs of it alone gave +12 to +22 us. The report keeps the usual order.
  const results = new Map<Section, string>();
  for (const section of RUN_ORDER.filter((name) => options.only.includes(name))) {
    log(`section ${section}`);
    if (section === "pipeline") results.set(section, await runPipelineBench({ projectRoot, runs: options.runs, timeoutMs: options.timeoutMs, log }));
    if (section === "dev") results.set(section, await runDevLoopBench({ projectRoot, edits: options.edits, log }));
    if (section === "scale") results.set(section, await runScaleBench({ projectRoot, sizes: options.sizes, runs: options.scaleRuns, timeoutMs: options.timeoutMs, log }));
    if (section === "client") results.set(section, await runClientBench({ projectRoot, requests: options.requests, rounds: options.rounds, log }));
    if (section === "validate") results.set(section, await runValidateBench({ projectRoot, requests: options.requests, rounds: options.rounds, log }));
  }
  const sections = options.only.map((section) => results.get(section)!);
  const report = [
    "# Benchmark results",
    "",
    "Written by `npm run bench` (bench/run.ts). Timings depend on the machine and its load; compare rows within one run.",
    "",
    environment(options.argv),
    "",
    sections.join("\n\n"),
    "",
  ].join("\n");
  writeFileSync(options.out, report);
  console.log(report);
  log(`wrote ${relative(process.cwd(), options.out) || options.out}`);
}

main().catch((err: unknown) => {
  console.error(`bench: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
