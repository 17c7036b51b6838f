/**
 * End-to-end runs of `npm run diff` (scripts/diff/diff.ts) in throwaway git repositories under the OS temp
 * dir, so that refs, first commits and version bumps can be set up without touching this repository.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";

const projectRoot = fileURLToPath(new URL("../../", import.meta.url));
const tsxCli = join(projectRoot, "node_modules", "tsx", "dist", "cli.mjs");
const diffScript = join(projectRoot, "scripts", "diff", "diff.ts");
const fixtures = join(projectRoot, "test", "diff", "fixtures");
const repos: string[] = [];

afterAll(() => {
  for (const repo of repos) rmSync(repo, { recursive: true, force: true });
});

function newRepo(): string {
  const repo = mkdtempSync(join(tmpdir(), "atlas-diff-test-"));
  repos.push(repo);
  git(repo, "init", "--quiet", "--initial-branch=main");
  return repo;
}

function git(repo: string, ...args: string[]): void {
  execFileSync("git", ["-c", "user.name=Diff Test", "-c", "user.email=diff@example.invalid", "-c", "commit.gpgsign=false", ...args], { cwd: repo, stdio: "pipe" });
}

function writeDocument(repo: string, fixture: string): void {
  mkdirSync(join(repo, "openapi"), { recursive: true });
  copyFileSync(join(fixtures, fixture), join(repo, "openapi", "openapi.yaml"));
}

function writeVersion(repo: string, version: string): void {
  writeFileSync(join(repo, "package.json"), JSON.stringify({ name: "fixture", version }, null, 2));
}

function commitAll(repo: string, message: string): void {
  git(repo, "add", "--all");
  git(repo, "commit", "--quiet", "-m", message);
}

function runDiff(repo: string, ...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [tsxCli, diffScript, ...args], { cwd: repo, encoding: "utf8" });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** main: (1) README only, (2) the before document at 0.1.0; the working tree holds what `change` writes. */
function repoWithDocument(): string {
  const repo = newRepo();
  writeFileSync(join(repo, "README.md"), "fixture\n");
  commitAll(repo, "first commit, no document yet");
  writeDocument(repo, "before.yaml");
  writeVersion(repo, "0.1.0");
  commitAll(repo, "add the document");
  return repo;
}

describe("npm run diff", () => {
  it("lists breaking changes against a ref and exits 0 unless asked to fail", () => {
    const repo = repoWithDocument();
    writeDocument(repo, "after-breaking.yaml");
    const listed = runDiff(repo, "HEAD");
    expect(listed.stderr).toBe("");
    expect(listed.status).toBe(0);
    expect(listed.stdout).toMatch(/^Breaking changes: 3$/m);
    expect(listed.stdout).toContain("[Added] required status to `colour` in Request Body content (application/json)");

    const failing = runDiff(repo, "HEAD", "--fail-on-breaking");
    expect(failing.status).toBe(1);
    expect(failing.stderr).toContain("3 breaking change(s)");
  });

  it("passes --fail-on-breaking when only descriptions changed", () => {
    const repo = repoWithDocument();
    writeDocument(repo, "after-description.yaml");
    const result = runDiff(repo, "HEAD", "--fail-on-breaking");
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^Breaking changes: 0$/m);
    expect(result.stdout).toMatch(/^Documentation-only changes .*: 2$/m);
  });

  it("says there is nothing to compare when the ref predates the document", () => {
    const repo = repoWithDocument();
    const result = runDiff(repo, "HEAD~1", "--fail-on-breaking");
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/HEAD~1 \([0-9a-f]{12}\) has no openapi\/openapi\.yaml yet/);
  });

  it("rejects a ref that names no commit with a clear error", () => {
    const repo = repoWithDocument();
    const result = runDiff(repo, "no-such-branch");
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('git ref "no-such-branch" does not name a commit');
    expect(result.stdout).toBe("");
  });

  it("requires a ref outside CI mode", () => {
    const result = runDiff(repoWithDocument());
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("missing <git-ref>");
  });
});

describe("npm run diff:ci", () => {
  it("has nothing to check on the first commit", () => {
    const repo = newRepo();
    writeDocument(repo, "before.yaml");
    commitAll(repo, "only commit");
    const result = runDiff(repo, "--ci");
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("HEAD is the first commit");
  });

  it("fails a committed breaking change without a major bump and accepts it with one", () => {
    const repo = repoWithDocument();
    writeDocument(repo, "after-breaking.yaml");
    commitAll(repo, "breaking change, same version");
    const refused = runDiff(repo, "--ci");
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain("Breaking changes without a major version bump (package.json version 0.1.0 -> 0.1.0)");

    writeVersion(repo, "0.2.0");
    expect(runDiff(repo, "--ci").status).toBe(1);

    writeVersion(repo, "1.0.0");
    const accepted = runDiff(repo, "--ci");
    expect(accepted.status).toBe(0);
    expect(accepted.stderr).toContain("Breaking changes accepted: package.json version 0.1.0 -> 1.0.0");
  });

  it("refuses a committed path-parameter reorder without a major bump", () => {
    const repo = newRepo();
    writeDocument(repo, "parts-before.yaml");
    writeVersion(repo, "1.0.0");
    commitAll(repo, "document with two path parameters");
    writeDocument(repo, "parts-after-reorder.yaml");
    commitAll(repo, "swap the path parameters");
    const refused = runDiff(repo, "--ci");
    expect(refused.status).toBe(1);
    expect(refused.stdout).toMatch(/^Breaking changes: 1$/m);
    expect(refused.stdout).toContain("[Reordered] path parameters of DELETE /things/{thingId}/parts/{partId}: (thingId, partId) -> (partId, thingId)");
    expect(refused.stderr).toContain("Breaking changes without a major version bump (package.json version 1.0.0 -> 1.0.0)");
  });
});
