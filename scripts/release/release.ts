// `npm run release`: in dist/release/, the package tarball (`npm pack` of a clean working tree), the spec files,
// SHA256SUMS and RELEASE-NOTES.md (CHANGELOG.md's section of package.json's version); then the tarball checked
// as a consumer gets it: installed in a scratch project, every export imported, a consumer file type-checked.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { fileURLToPath } from "node:url";
import { changelogRelease } from "./changelog.js";

const root = fileURLToPath(new URL("../..", import.meta.url));
const outDir = join(root, "dist", "release");
const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { name: string; version: string; exports: Record<string, unknown> };

function fail(message: string): never {
  throw new Error(`release: ${message}`);
}

function run(command: string, args: string[], cwd = root): string {
  const result = spawnSync(command, args, { cwd, encoding: "utf8" });
  if (result.status !== 0) fail(`${basename(command)} ${args.join(" ")} exited ${result.status}:\n${result.stdout}${result.stderr}`);
  return result.stdout.trim();
}

/** The spec-file exports ("./openapi.json" -> "./generated/openapi.json"). */
const specExports = Object.entries(pkg.exports).filter((entry): entry is [string, string] => /^\.\/openapi.*\.(json|yaml)$/.test(entry[0]));

const CONSUMER_TS = `import { createAtlasClient, type AtlasClient } from "${pkg.name}";
import type { components } from "${pkg.name}/types";
import { withResponseValidation } from "${pkg.name}/validate";
const client: AtlasClient = withResponseValidation(createAtlasClient({ baseUrl: "http://127.0.0.1:9", auth: { accessToken: "t" } }), { strict: true });
const { data } = await client.GET("/api/atlas/v2/orgs/{orgId}/settings", { params: { path: { orgId: "32b6e34b3d91647abb20e7b8" } } });
export const settings: components["schemas"]["OrganizationSettings"] | undefined = data;
`;

const CONSUMER_MJS = `import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
for (const entry of ["${pkg.name}", "${pkg.name}/types", "${pkg.name}/validate"]) await import(entry);
for (const name of ${JSON.stringify(specExports.map(([name]) => `${pkg.name}${name.slice(1)}`))}) {
  const file = fileURLToPath(import.meta.resolve(name));
  if (!existsSync(file) || !/^(\\{\\s*"openapi"|openapi:)/.test(readFileSync(file, "utf8"))) throw new Error(name + ": no OpenAPI document at " + file);
}
console.log("imports and spec files resolve");
`;

/** Installs `tarball` into a scratch project and checks it as a consumer would use it. */
function checkTarball(tarball: string): void {
  const dir = mkdtempSync(join(tmpdir(), "atlas-release-check-"));
  try {
    writeFileSync(join(dir, "package.json"), JSON.stringify({ name: "release-check", private: true, type: "module" }));
    run("npm", ["install", "--no-audit", "--no-fund", "--prefer-offline", tarball], dir);
    writeFileSync(join(dir, "consumer.ts"), CONSUMER_TS);
    writeFileSync(join(dir, "consumer.mjs"), CONSUMER_MJS);
    const tsconfig = { compilerOptions: { target: "ES2022", lib: ["ES2022", "DOM"], module: "NodeNext", moduleResolution: "NodeNext", strict: true, noEmit: true, skipLibCheck: false, types: [] }, files: ["consumer.ts"] };
    writeFileSync(join(dir, "tsconfig.json"), JSON.stringify(tsconfig));
    run(process.execPath, [join(root, "node_modules", "typescript", "bin", "tsc"), "-p", "tsconfig.json"], dir);
    console.log(`release: ${basename(tarball)} type-checks; ${run(process.execPath, ["consumer.mjs"], dir)}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function main(): void {
  if (run("git", ["status", "--porcelain"]) !== "") fail("the working tree has uncommitted changes: a release is cut from a commit (commit or stash them)");
  const head = run("git", ["rev-parse", "HEAD"]);
  const release = changelogRelease(readFileSync(join(root, "CHANGELOG.md"), "utf8"), pkg.version) ?? fail(`CHANGELOG.md has no section for ${pkg.version} (package.json's version): add "## [${pkg.version}] — <date>" with its notes`);
  if (release.commit && !head.startsWith(release.commit)) {
    // The version names the document first: the same document may ship again, a changed one may not.
    // The shipped spec files, not openapi/'s sources (a README there changes no document).
    const specFiles = specExports.map(([, target]) => target);
    if (run("git", ["diff", "--name-only", release.commit, head, "--", ...specFiles]) !== "") fail(`CHANGELOG.md records ${pkg.version} at commit ${release.commit}, and the spec files changed since: give the release a new version`);
    console.log(`release: ${pkg.version} is recorded at commit ${release.commit}; HEAD (${head.slice(0, 7)}) ships the same spec files`);
  }
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const packed = JSON.parse(run("npm", ["pack", "--ignore-scripts", "--json", "--pack-destination", outDir])) as Array<{ filename: string }>;
  const tarball = join(outDir, packed[0]?.filename ?? fail("npm pack printed no tarball"));
  for (const [, target] of specExports) copyFileSync(join(root, target), join(outDir, basename(target)));
  const files = [tarball, ...specExports.map(([, target]) => join(outDir, basename(target)))];
  const sums = files.map((file) => `${createHash("sha256").update(readFileSync(file)).digest("hex")}  ${basename(file)}\n`).join("");
  writeFileSync(join(outDir, "SHA256SUMS"), sums);
  const heading = `# ${pkg.name} ${pkg.version}${release.date ? ` — ${release.date}` : ""}`;
  writeFileSync(join(outDir, "RELEASE-NOTES.md"), `${heading}\n\nCut from commit ${head}.\n\n${release.notes}\n\n## SHA-256\n\n\`\`\`\n${sums}\`\`\`\n`);
  console.log(`release: wrote ${files.map((file) => basename(file)).join(", ")}, SHA256SUMS and RELEASE-NOTES.md to dist/release/`);
  if (!release.commit) console.log(`release: record the commit in CHANGELOG.md: ## [${pkg.version}] — <date> (commit ${head.slice(0, 7)})`);
  checkTarball(tarball);
}

try {
  main();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
