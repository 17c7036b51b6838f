/**
 * The package as a consumer outside this repository gets it: a fresh clone of HEAD, installed with
 * `npm install git+file://<clone>`, and the tarball `npm run release` writes in that clone, each into a
 * scratch project that runs the README's quick start ("Use it in your project", the same blocks as
 * docs/consumers.md's) as written, with four swaps: the git URL and the tarball path for the local ones,
 * the mock's address and the token for those of a Prism mock (scripts/serve/prism-server.ts) of the
 * installed generated/openapi.yaml. It tests HEAD: commit first. The consumer's dependencies come from
 * npm's cache or the registry, as for any consumer. Prints the size of each install.
 */
import { execFileSync, spawn, spawnSync } from "node:child_process";
import { appendFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { changelogRelease } from "../../scripts/release/changelog.js";
import { startMock, type AtlasMock } from "../../scripts/serve/atlas/mock-server.js";
import { MOCK_ACCESS_TOKEN } from "../support/contract-client.js";
import { repoRoot } from "../support/consumer-project.js";


/** `bash -c command`, asynchronously, with its exit status and output. */
function runBash(command: string, cwd: string, env: NodeJS.ProcessEnv): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn("bash", ["-c", command], { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.once("error", reject);
    child.once("close", (status) => resolve({ status, stdout, stderr }));
  });
}

const INSTALL_TIMEOUT_MS = 300_000;
const MAX_INSTALL_MB = 50;
const SECTION = "## Use it in your project";
const pkg = JSON.parse(readFileSync(join(repoRoot, "package.json"), "utf8")) as { name: string; version: string; exports: Record<string, unknown>; devDependencies: Record<string, string> };
const specExports = Object.entries(pkg.exports).filter((entry): entry is [string, string] => /^\.\/openapi.*\.(json|yaml)$/.test(entry[0]));

interface Block {
  lang: string;
  file?: string;
  code: string;
}

/** The fenced blocks of the quick start section of a Markdown file: ```lang [file]. */
function quickStart(path: string): Block[] {
  const text = readFileSync(join(repoRoot, path), "utf8");
  const start = text.indexOf(`\n${SECTION}\n`);
  if (start < 0) throw new Error(`${path} has no "${SECTION}" section`);
  const end = text.indexOf("\n## ", start + SECTION.length + 1);
  const section = text.slice(start, end < 0 ? undefined : end);
  return [...section.matchAll(/^```(\w+)(?: (\S+))?\n([\s\S]*?)^```$/gm)].map(([, lang, file, code]) => ({ lang: lang!, file, code: code! }));
}

const run = (command: string, args: string[], cwd: string) => execFileSync(command, args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] }).trim();

/** Packages (directories with a package.json) and MB under node_modules. */
function measure(dir: string): { packages: number; mb: number } {
  let packages = 0;
  let bytes = 0;
  const walk = (path: string, inModules: boolean): void => {
    for (const entry of readdirSync(path, { withFileTypes: true })) {
      const child = join(path, entry.name);
      if (entry.isDirectory()) {
        if (inModules && !entry.name.startsWith("@") && !entry.name.startsWith(".") && existsSync(join(child, "package.json"))) packages++;
        walk(child, entry.name === "node_modules" || (inModules && entry.name.startsWith("@")));
      } else if (entry.isFile()) bytes += statSync(child).size;
    }
  };
  walk(join(dir, "node_modules"), true);
  return { packages, mb: bytes / 1024 / 1024 };
}

interface Consumer {
  dir: string;
  /** What the package install added (before the quick start installs TypeScript and the rest). */
  installed: { packages: number; mb: number; names: string[] };
  /** Output of the quick start's `node main.js`. */
  mainOutput: string;
}

let work: string;
let clone: string;
let tarball: string;
let mock: AtlasMock | undefined;
const consumers: Record<string, Consumer> = {};

/** Runs the quick start in a new project, installing the package one way ("git" or "tarball"). */
async function runQuickStart(way: "git" | "tarball"): Promise<Consumer> {
  const dir = join(work, `consumer-${way}`);
  mkdirSync(dir);
  const consumer: Consumer = { dir, installed: { packages: 0, mb: 0, names: [] }, mainOutput: "" };
  const env = { ...process.env, npm_config_prefer_offline: "true", npm_config_audit: "false", npm_config_fund: "false", npm_config_update_notifier: "false" };
  for (const block of quickStart("README.md")) {
    if (block.file) {
      writeFileSync(join(dir, block.file), block.code);
      continue;
    }
    if (block.lang !== "sh") continue;
    for (const line of block.code.split("\n").filter((l) => l.trim() !== "")) {
      const viaGit = line.includes("git+https://");
      const viaTarball = /\S+\.tgz/.test(line);
      if ((viaGit && way !== "git") || (viaTarball && way !== "tarball")) continue;
      let command = line.replace(/git\+https:\/\/\S+/, `git+file://${clone}`).replace(/\S+\.tgz/, tarball);
      if (command.includes("http://127.0.0.1:4010")) {
        mock ??= await startMock({ document: join(dir, "node_modules", pkg.name, "generated", "openapi.yaml"), port: 0, output: "pipe", logLevel: "warn" });
        command = command.replace("http://127.0.0.1:4010", mock.url).replace("mock-access-token", MOCK_ACCESS_TOKEN);
      }
      // Not spawnSync: the Atlas mock's layer answers from this process's event loop.
      const result = await runBash(command, dir, env);
      if (result.status !== 0) throw new Error(`quick start (${way}): \`${command}\` exited ${result.status}:\n${result.stdout}\n${result.stderr}`);
      if (viaGit || viaTarball) {
        consumer.installed = { ...measure(dir), names: readdirSync(join(dir, "node_modules")).filter((name) => !name.startsWith(".")) };
        console.log(`${way} install: ${consumer.installed.packages} packages, ${consumer.installed.mb.toFixed(1)} MB in node_modules`);
      }
      if (command.includes("node main.js")) consumer.mainOutput = result.stdout.trim();
    }
  }
  return consumer;
}

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), "atlas-install-"));
  clone = join(work, "clone");
  run("git", ["clone", "--quiet", "--no-hardlinks", repoRoot, clone], work);
  run("git", ["checkout", "--quiet", "--detach", run("git", ["rev-parse", "HEAD"], repoRoot)], clone);
  // The release runs in the clone with this checkout's tools; the link is not part of the tree.
  symlinkSync(join(repoRoot, "node_modules"), join(clone, "node_modules"), "dir");
  appendFileSync(join(clone, ".git", "info", "exclude"), "node_modules\n");
  const release = spawnSync("npm", ["run", "--silent", "release"], { cwd: clone, encoding: "utf8" });
  if (release.status !== 0) throw new Error(`npm run release in a fresh clone exited ${release.status}:\n${release.stdout}\n${release.stderr}`);
  tarball = join(clone, "dist", "release", `${pkg.name}-${pkg.version}.tgz`);
  consumers.git = await runQuickStart("git");
  consumers.tarball = await runQuickStart("tarball");
}, INSTALL_TIMEOUT_MS);

afterAll(async () => {
  await mock?.stop();
  if (work) rmSync(work, { recursive: true, force: true });
});

/**
 * The scripts for which npm prepares a git dependency: it installs all of the dependency's devDependencies
 * in its clone first (pacote's GitFetcher). npm run build's command is therefore `prebuild`.
 */
const PREPARED_BY_NPM = ["build", "prepare", "prepack", "preinstall", "install", "postinstall"];

describe("package.json", () => {
  it("has none of the scripts that make npm install the authors' toolchain for a git install", () => {
    const scripts = (JSON.parse(readFileSync(join(repoRoot, "package.json"), "utf8")) as { scripts: Record<string, string> }).scripts;
    expect(PREPARED_BY_NPM.filter((name) => scripts[name])).toEqual([]);
  });
});

describe("the README's quick start", () => {
  it("is the same in README.md and docs/consumers.md", () => {
    expect(quickStart("README.md")).toEqual(quickStart("docs/consumers.md"));
    expect(quickStart("README.md").map((block) => block.lang)).toContain("sh");
  });
});

describe.each(["git", "tarball"] as const)("installed from %s into a scratch project", (way) => {
  it(`adds the package and its dependencies only, at most ${MAX_INSTALL_MB} MB`, () => {
    const { installed } = consumers[way]!;
    expect(installed.names).toContain(pkg.name);
    expect(installed.names.filter((name) => name in pkg.devDependencies)).toEqual([]);
    expect(installed.mb).toBeLessThanOrEqual(MAX_INSTALL_MB);
  });

  it("type-checks and runs the quick start's call against the mock, which answers with the document's example", () => {
    const document = JSON.parse(readFileSync(join(consumers[way]!.dir, "node_modules", pkg.name, "generated", "openapi.json"), "utf8"));
    const response = document.paths["/api/atlas/v2/orgs/{orgId}/settings"].get.responses["200"];
    const [example] = Object.values(Object.values(response.content as Record<string, { examples: Record<string, { value: unknown }> }>)[0]!.examples);
    expect(JSON.parse(consumers[way]!.mainOutput)).toEqual(example!.value);
  });

  it("resolves every exported spec file to the file committed at HEAD", () => {
    const script = `for (const name of ${JSON.stringify(specExports.map(([name]) => pkg.name + name.slice(1)))}) console.log(new URL(import.meta.resolve(name)).pathname);`;
    const resolved = run(process.execPath, ["--input-type=module", "-e", script], consumers[way]!.dir).split("\n");
    expect(resolved).toHaveLength(specExports.length);
    resolved.forEach((file, i) => expect(readFileSync(file, "utf8"), file).toBe(readFileSync(join(clone, specExports[i]![1]), "utf8")));
  });

  it("generates types from the spec file's path with openapi-typescript, as the spec-only recipe says", () => {
    expect(readFileSync(join(consumers[way]!.dir, "atlas.d.ts"), "utf8")).toContain('"/api/atlas/v2/orgs/{orgId}/settings"');
  });
});

describe("npm run release in the fresh clone", () => {
  it("writes the tarball, the spec files, checksums that match and the CHANGELOG section as notes", () => {
    const dir = join(clone, "dist", "release");
    expect(run("sha256sum", ["-c", "SHA256SUMS"], dir).split("\n")).toHaveLength(1 + specExports.length);
    const changelog = readFileSync(join(clone, "CHANGELOG.md"), "utf8");
    const section = changelogRelease(changelog, pkg.version);
    expect(section?.notes).toMatch(/\S/);
    expect(readFileSync(join(dir, "RELEASE-NOTES.md"), "utf8")).toContain(section!.notes);
  });
});
