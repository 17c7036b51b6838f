/**
 * The releases CHANGELOG.md lists, each with the commit it was cut from: that commit's package.json has
 * the version, and `npm run diff -- <version>` (or `v<version>`) compares with it, no git tag needed.
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DiffInputError, readFileAtCommit, resolveCommit } from "../../scripts/diff/source.js";
import { changelogRelease, changelogReleases } from "../../scripts/release/changelog.js";
import { repoRoot } from "../support/consumer-project.js";

const changelog = readFileSync(join(repoRoot, "CHANGELOG.md"), "utf8");
const releases = changelogReleases(changelog);

describe("CHANGELOG.md's releases", () => {
  it("lists releases, newest first, each with a date and a commit", () => {
    expect(releases.length).toBeGreaterThan(0);
    expect(releases.filter((release) => !release.commit || !release.date).map((release) => release.version)).toEqual([]);
    const order = releases.map((release) => release.date);
    expect(order).toEqual([...order].sort().reverse());
  });

  it.each(releases.map((release) => [release.version, release.commit!] as const))("%s: its commit has that version in package.json", (version, commit) => {
    const pkg = JSON.parse(readFileAtCommit(repoRoot, resolveCommit(repoRoot, commit), "package.json") ?? "{}") as { version?: string };
    expect(pkg.version).toBe(version);
  });

  it.each(releases.map((release) => [release.version, release.commit!] as const))("%s: a version, with or without v, resolves to its commit", (version, commit) => {
    const full = resolveCommit(repoRoot, commit);
    expect(resolveCommit(repoRoot, version)).toBe(full);
    expect(resolveCommit(repoRoot, `v${version}`)).toBe(full);
  });

  it("reads a section's heading and notes, and refuses a version it does not list", () => {
    const text = "## [Unreleased]\n\n- next\n\n## [2.0.0] — 2027-01-02 (commit abcdef1)\n\n### Added\n\n- a\n\n## [1.0.0]\n\n- b\n";
    expect(changelogRelease(text, "v2.0.0")).toEqual({ version: "2.0.0", date: "2027-01-02", commit: "abcdef1", notes: "### Added\n\n- a" });
    expect(changelogRelease(text, "1.0.0")).toEqual({ version: "1.0.0", date: undefined, commit: undefined, notes: "- b" });
    expect(changelogRelease(text, "3.0.0")).toBeUndefined();
    expect(() => resolveCommit(repoRoot, "99.0.0")).toThrow(DiffInputError);
    expect(() => resolveCommit(repoRoot, "99.0.0")).toThrow(/nor a version CHANGELOG\.md lists/);
  });

  it("npm run diff -- v<oldest release> runs, as the README's example does", () => {
    const oldest = releases.at(-1)!;
    const result = spawnSync(process.execPath, ["--import", "tsx", "scripts/diff/diff.ts", `v${oldest.version}`], { cwd: repoRoot, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
    expect(result.stderr).toBe("");
    expect(result.stdout).toMatch(new RegExp(`^Comparing v${oldest.version.replaceAll(".", "\\.")} \\(${oldest.commit}`));
    expect(result.status).toBe(0);
  });
});
