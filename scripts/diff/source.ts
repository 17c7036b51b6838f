// The two documents `npm run diff` compares, a git commit's and the working tree's, each bundled by the
// build's own bundler. A ref may also be a version CHANGELOG.md lists with its commit (a git ref of that
// name wins). Only read-only git commands: the diff never touches the index, worktrees or refs.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { bundleProject } from "../bundle/bundler.js";
import { projectPaths } from "../common/project-paths.js";
import { changelogRelease } from "../release/changelog.js";

export const DOCUMENT_ROOT = "openapi/openapi.yaml";

/** A problem with what the user asked for (bad ref, missing document): reported without a stack. */
export class DiffInputError extends Error {}

function run(command: string, args: string[], cwd: string, input?: Buffer) {
  const result = spawnSync(command, args, { cwd, input, maxBuffer: 1024 ** 3 });
  if (result.error) throw result.error;
  return result;
}

/** git's output, or undefined when it fails. */
function git(repoDir: string, args: string[]): string | undefined {
  const result = run("git", args, repoDir);
  return result.status === 0 ? result.stdout.toString("utf8") : undefined;
}

/** Resolves a ref to a commit id, or fails with an error that names the ref. */
export function resolveCommit(repoDir: string, ref: string): string {
  if (ref.startsWith("-")) throw new DiffInputError(`git ref "${ref}" looks like an option, not a ref`);
  if (git(repoDir, ["rev-parse", "--is-inside-work-tree"]) === undefined) throw new DiffInputError(`${repoDir} is not inside a git repository`);
  const commit = git(repoDir, ["rev-parse", "--verify", "--quiet", `${ref}^{commit}`]);
  if (commit !== undefined) return commit.trim();
  const changelog = join(repoDir, "CHANGELOG.md");
  const release = /^v?\d+\.\d+\.\d+/.test(ref) && existsSync(changelog) ? changelogRelease(readFileSync(changelog, "utf8"), ref) : undefined;
  if (release?.commit) return resolveCommit(repoDir, release.commit);
  if (release) throw new DiffInputError(`CHANGELOG.md lists ${release.version} without its commit: add "(commit <id>)" to its heading`);
  throw new DiffInputError(`git ref "${ref}" does not name a commit in ${repoDir}, nor a version CHANGELOG.md lists`);
}

/** True when the repository has no commit yet or HEAD has no parent. */
export function isFirstCommit(repoDir: string): boolean {
  const parents = git(repoDir, ["rev-list", "--parents", "-n", "1", "HEAD"]);
  return parents === undefined || parents.trim().split(/\s+/).length === 1;
}

export function isShallowClone(repoDir: string): boolean {
  return git(repoDir, ["rev-parse", "--is-shallow-repository"])?.trim() === "true";
}

export const existsAtCommit = (repoDir: string, commit: string, path: string): boolean => git(repoDir, ["cat-file", "-e", `${commit}:${path}`]) !== undefined;

/** A file's text at a commit, or undefined when the commit does not have it. */
export const readFileAtCommit = (repoDir: string, commit: string, path: string): string | undefined => git(repoDir, ["show", `${commit}:${path}`]);

/** Bundles the document a commit holds: its openapi/ (and redocly.yaml) are extracted into a temp dir. */
export async function bundleCommit(repoDir: string, commit: string): Promise<unknown> {
  const treeDir = mkdtempSync(join(tmpdir(), "atlas-diff-ref-"));
  try {
    const paths = ["openapi", "redocly.yaml"].filter((path) => existsAtCommit(repoDir, commit, path));
    const archive = run("git", ["archive", "--format=tar", commit, "--", ...paths], repoDir);
    if (archive.status !== 0) throw new Error(`git archive ${commit} failed: ${archive.stderr.toString().trim()}`);
    const untar = run("tar", ["-x", "-C", treeDir], treeDir, archive.stdout);
    if (untar.status !== 0) throw new Error(`extracting ${commit}:openapi failed: ${untar.stderr.toString().trim()}`);
    return await bundleTree(treeDir, `${commit.slice(0, 12)}:${DOCUMENT_ROOT}`);
  } finally {
    rmSync(treeDir, { recursive: true, force: true });
  }
}

/** The bundle of the document in `treeDir`, with its own redocly.yaml. */
export async function bundleTree(treeDir: string, label: string): Promise<unknown> {
  try {
    return await bundleProject(projectPaths(treeDir));
  } catch (error) {
    throw new DiffInputError(`bundling ${label} failed:\n${error instanceof Error ? error.message : String(error)}`);
  }
}
