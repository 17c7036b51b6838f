/**
 * Spectral alone on a synthesised document, in this process, the way the build runs it
 * (scripts/lint/spectral.ts): for profiles of the Spectral stage at scale (issue 11).
 *
 *   node --import tsx bench/spectral-scale.ts 600 2000          # times per size
 *   node --cpu-prof --cpu-prof-dir=/tmp/prof --import tsx bench/spectral-scale.ts 2000
 *
 * Each size's finished bundle (Redocly bundle + finishBundle, as the build lints it) is made once and
 * kept in $SPECTRAL_SCALE_DIR (default /tmp/spectral-scale/<n>.yaml); only the Spectral run is timed,
 * with the ruleset loaded beforehand, two ways: from the YAML text (Spectral parses it), and as the build
 * runs it, from the document in memory (a JSON copy of it,
 * the text parsed only for findings' lines). Prints wall and CPU time and the number of problems.
 *
 *   node --import tsx bench/spectral-scale.ts 600 6000 --only document   # only the build's way
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { performance } from "node:perf_hooks";
import { parseYaml } from "@redocly/openapi-core";
import { bundleProject, bundleToYaml } from "../scripts/bundle/bundler.js";
import { finishBundle } from "../scripts/bundle/finish-bundle.js";
import { projectPaths } from "../scripts/common/project-paths.js";
import { lintWithSpectral, loadSpectralRuleset } from "../scripts/lint/spectral.js";
import { createWorkspace } from "./lib/workspace.js";

const root = resolve(fileURLToPath(new URL("..", import.meta.url)));
const cacheDir = process.env.SPECTRAL_SCALE_DIR ?? "/tmp/spectral-scale";

async function finishedBundle(operations: number): Promise<string> {
  const file = join(cacheDir, `${operations}.yaml`);
  if (existsSync(file)) return file;
  const workspace = createWorkspace(root, { operations });
  try {
    const document = finishBundle(await bundleProject(projectPaths(workspace.dir)));
    mkdirSync(cacheDir, { recursive: true });
    writeFileSync(file, bundleToYaml(document));
  } finally {
    workspace.dispose();
  }
  return file;
}

const args = process.argv.slice(2);
const only = args.includes("--only") ? args[args.indexOf("--only") + 1] : undefined;
const sizes = args.filter((arg, i) => !arg.startsWith("--") && args[i - 1] !== "--only").map(Number);
if (sizes.length === 0 || sizes.some((n) => !Number.isInteger(n) || n <= 0)) throw new Error("usage: bench/spectral-scale.ts <operations>... [--only yaml|document]");
const ruleset = await loadSpectralRuleset(join(root, ".spectral.yaml"));

async function timed(label: string, run: () => Promise<Awaited<ReturnType<typeof lintWithSpectral>>>): Promise<void> {
  const cpu = process.cpuUsage();
  const started = performance.now();
  const problems = await run();
  const wall = (performance.now() - started) / 1000;
  const { user, system } = process.cpuUsage(cpu);
  console.log(`${label}: ${wall.toFixed(2)} s wall, ${((user + system) / 1e6).toFixed(2)} s CPU, ${problems.length} problems`);
  for (const p of problems.slice(0, 5)) console.log(`  ${p.file}:${p.line} ${p.rule} ${p.message}`);
}

for (const operations of sizes) {
  const file = await finishedBundle(operations);
  const yaml = readFileSync(file, "utf8");
  if (only !== "document") await timed(`${operations} operations, from the YAML text`, () => lintWithSpectral(ruleset, yaml, file));
  if (only !== "yaml") {
    // The build's bundle object (parsed outside the timing, as the build already has it).
    const document = parseYaml(yaml) as object;
    await timed(`${operations} operations, from the document`, () => lintWithSpectral(ruleset, yaml, file, JSON.parse(JSON.stringify(document))));
  }
}
