/**
 * A throwaway downstream project for the generator matrix: the packed package installed as a consumer
 * gets it (test/support/consumer-project.ts), plus the few runtime packages generated code imports;
 * generators run there on node_modules/atlas-admin-openapi/generated/openapi.json (or the 3.0 companion),
 * and one `tsc --strict` checks everything they wrote.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { createConsumerProject, packageJson, repoRoot } from "../../support/consumer-project.js";
import { ensureInstalled, installedVersion } from "../../support/locked-install.js";

export const ROOT = repoRoot;
const PACKAGE_NAME = packageJson.name;

/**
 * The generators and the packages their output imports have an install of their own, locked by
 * test/downstream/generators/package-lock.json, so that the root `npm ci` of an author leaves them out.
 */
export const GENERATORS_DIR = join(ROOT, "test", "downstream", "generators");
const GENERATORS_MODULES = join(GENERATORS_DIR, "node_modules");

/** Installs the generators (test/downstream/generators) unless every package it pins is installed. */
export function ensureGeneratorsInstalled(): Promise<void> {
  return ensureInstalled(GENERATORS_DIR, "the generator matrix's packages");
}

/** Where a package is installed: the generators' install, else the root's (openapi-typescript, openapi-fetch). */
function modulesOf(name: string): string {
  return existsSync(join(GENERATORS_MODULES, name, "package.json")) ? GENERATORS_MODULES : join(ROOT, "node_modules");
}

/** The directory of an installed package. */
export function packageDir(name: string): string {
  return join(modulesOf(name), name);
}

/** Packages the generated code imports at run time (the package's own dependencies are linked already). */
const RUNTIME_PACKAGES = ["zod", "@oazapfts/runtime", "axios", "@kubb/core", "@kubb/plugin-oas", "@kubb/plugin-ts", "@kubb/plugin-client"];

const TSCONFIG = {
  compilerOptions: {
    target: "ES2022",
    lib: ["ES2022", "DOM", "DOM.Iterable"],
    module: "ESNext",
    // Generators write extensionless or .js imports of .ts files; a bundler-style resolution reads both.
    moduleResolution: "Bundler",
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    types: [],
  },
  include: ["**/*.ts"],
  // clients/templates/ holds files a generator copies into its output (checked there).
  exclude: ["node_modules", "clients/templates"],
};

export interface Workspace {
  dir: string;
  /** The document paths as a downstream repo refers to them. */
  document31: string;
  document30: string;
}

export function createWorkspace(): Workspace {
  const { dir } = createConsumerProject("atlas-downstream-");
  const modules = join(dir, "node_modules");
  for (const name of RUNTIME_PACKAGES) {
    mkdirSync(dirname(join(modules, name)), { recursive: true });
    symlinkSync(packageDir(name), join(modules, name), "dir");
  }
  // orval picks its zod flavour from the project's dependencies.
  writeFileSync(join(dir, "package.json"), JSON.stringify({ name: "downstream", private: true, type: "module", dependencies: { zod: readVersion("zod") } }));
  writeFileSync(join(dir, "tsconfig.json"), JSON.stringify(TSCONFIG, null, 2));
  return { dir, document31: `node_modules/${PACKAGE_NAME}/generated/openapi.json`, document30: `node_modules/${PACKAGE_NAME}/generated/openapi-3.0.json` };
}

/** The installed version of a generator or of one of our dev dependencies. */
export function readVersion(name: string): string {
  const version = installedVersion(modulesOf(name), name);
  if (!version) throw new Error(`${name} is not installed (neither in test/downstream/generators nor in the root node_modules)`);
  return version;
}

/** The JavaScript file behind a package's CLI, run with this Node (no shell shims). */
function binEntry(pkg: string, bin: string): string {
  // Read from node_modules directly: some packages (orval) do not export their package.json.
  const manifestPath = join(packageDir(pkg), "package.json");
  const manifest = JSON.parse(readFileSync(manifestPath, "utf8")) as { bin: string | Record<string, string> };
  const entry = typeof manifest.bin === "string" ? manifest.bin : manifest.bin[bin];
  if (!entry) throw new Error(`${pkg} has no ${bin} binary`);
  return join(dirname(manifestPath), entry);
}

export interface CommandResult {
  code: number | null;
  output: string;
}

/** Runs a package's CLI in the workspace; never rejects on a failing exit code (the caller asserts). */
export function runBin(cwd: string, pkg: string, bin: string, args: string[]): Promise<CommandResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [binEntry(pkg, bin), ...args], { cwd, stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: "0" } });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
    child.once("error", reject);
    child.once("exit", (code) => resolve({ code, output }));
  });
}

/**
 * One `tsc --strict` over the workspace; its error lines grouped by where they are: an error in
 * clients/generated/<folder>/... under <folder>, one in clients/<name>.ts under <name> with dots as
 * dashes (clients/ours.raw.ts: "ours-raw").
 */
export async function typecheck(dir: string): Promise<Map<string, string[]>> {
  const result = await runBin(dir, "typescript", "tsc", ["-p", "tsconfig.json", "--pretty", "false"]);
  const byFolder = new Map<string, string[]>();
  for (const line of result.output.split("\n")) {
    const match = /^([^(]+)\(\d+,\d+\): error TS\d+/.exec(line);
    if (!match?.[1]) continue;
    const parts = match[1].split(/[\\/]/);
    const folder = parts[1] === "generated" ? (parts[2] ?? "") : (parts[1] ?? "").replace(/\.ts$/, "").replaceAll(".", "-");
    byFolder.set(folder, [...(byFolder.get(folder) ?? []), line]);
  }
  if (result.code !== 0 && byFolder.size === 0) throw new Error(`tsc failed without error lines:\n${result.output}`);
  return byFolder;
}

