/**
 * Where the two documents `npm run diff` compares come from: a git commit or the working tree,
 * each bundled by this project's own Redocly so both sides go through the same bundler.
 * A ref may also be a version CHANGELOG.md lists with its commit (`1.0.0` or `v1.0.0`): a git ref of that
 * name wins. Only read-only git commands are used (rev-parse, cat-file, show, archive): the diff never
 * touches the repository's index, worktrees or refs.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { bundleProject } from "../bundle/bundler.js";
import { projectPaths } from "../common/project-paths.js";
import { changelogRelease } from "../release/changelog.js";

/** The multi-file document's root, relative to the repository root. */
export const DOCUMENT_ROOT = "openapi/openapi.yaml";
const DOCUMENT_DIR = "openapi";
const REDOCLY_CONFIG = "redocly.yaml";


/** A problem with what the user asked for (bad ref, missing document): reported without a stack. */
export class DiffInputError extends Error {}

interface RunResult {
  status: number | null;
  stdout: Buffer;
  stderr: string;
}

function run(command: string, args: string[], options: { cwd: string; input?: Buffer }): RunResult {
  const result = spawnSync(command, args, {
    cwd: options.cwd,
    input: options.input,
    env: { ...process.env, REDOCLY_TELEMETRY: "off" },
    maxBuffer: 1024 * 1024 * 1024,
  });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr.toString("utf8") };
}

function git(repoDir: string, args: string[]): RunResult {
  return run("git", args, { cwd: repoDir });
}

/** Resolves a ref to a commit id, or fails with an error that names the ref. */
export function resolveCommit(repoDir: string, ref: string): string {
  if (ref.startsWith("-")) throw new DiffInputError(`git ref "${ref}" looks like an option, not a ref`);
  const inside = git(repoDir, ["rev-parse", "--is-inside-work-tree"]);
  if (inside.status !== 0) throw new DiffInputError(`${repoDir} is not inside a git repository`);
  const result = git(repoDir, ["rev-parse", "--verify", "--quiet", `${ref}^{commit}`]);
  if (result.status === 0) return result.stdout.toString("utf8").trim();
  const changelog = join(repoDir, "CHANGELOG.md");
  const release = /^v?\d+\.\d+\.\d+/.test(ref) && existsSync(changelog) ? changelogRelease(readFileSync(changelog, "utf8"), ref) : undefined;
  if (release?.commit) return resolveCommit(repoDir, release.commit);
  if (release) throw new DiffInputError(`CHANGELOG.md lists ${release.version} without its commit: add "(commit <id>)" to its heading`);
  throw new DiffInputError(`git ref "${ref}" does not name a commit in ${repoDir}, nor a version CHANGELOG.md lists`);
}

/** True when the repository has no commit yet or HEAD has no parent. */
export function isFirstCommit(repoDir: string): boolean {
  const parents = git(repoDir, ["rev-list", "--parents", "-n", "1", "HEAD"]);
  if (parents.status !== 0) return true;
  return parents.stdout.toString("utf8").trim().split(/\s+/).length === 1;
}

export function isShallowClone(repoDir: string): boolean {
  return git(repoDir, ["rev-parse", "--is-shallow-repository"]).stdout.toString("utf8").trim() === "true";
}

function existsAtCommit(repoDir: string, commit: string, path: string): boolean {
  return git(repoDir, ["cat-file", "-e", `${commit}:${path}`]).status === 0;
}

/** The document root exists at that commit (false before the document was first committed). */
export function hasDocumentAt(repoDir: string, commit: string): boolean {
  return existsAtCommit(repoDir, commit, DOCUMENT_ROOT);
}

/** A file's text at a commit, or undefined when the commit does not have it. */
export function readFileAtCommit(repoDir: string, commit: string, path: string): string | undefined {
  const result = git(repoDir, ["show", `${commit}:${path}`]);
  return result.status === 0 ? result.stdout.toString("utf8") : undefined;
}

/** Bundles the document a commit holds: its openapi/ tree (and redocly.yaml) are extracted into a temp dir. */
export async function bundleCommit(repoDir: string, commit: string): Promise<unknown> {
  const treeDir = mkdtempSync(join(tmpdir(), "atlas-diff-ref-"));
  try {
    const paths = [DOCUMENT_DIR, REDOCLY_CONFIG].filter((path) => existsAtCommit(repoDir, commit, path));
    const archive = git(repoDir, ["archive", "--format=tar", commit, "--", ...paths]);
    if (archive.status !== 0) throw new Error(`git archive ${commit} failed: ${archive.stderr.trim()}`);
    const untar = run("tar", ["-x", "-C", treeDir], { cwd: treeDir, input: archive.stdout });
    if (untar.status !== 0) throw new Error(`extracting ${commit}:${DOCUMENT_DIR} failed: ${untar.stderr.trim()}`);
    return await bundleTree(treeDir, `${commit.slice(0, 12)}:${DOCUMENT_ROOT}`);
  } finally {
    rmSync(treeDir, { recursive: true, force: true });
  }
}

/** Bundles the working tree's document (what `npm run bundle` would ship now). */
export function bundleWorkingTree(repoDir: string): Promise<unknown> {
  return bundleTree(repoDir, `working tree ${DOCUMENT_ROOT}`);
}

/** The one bundler of the build (scripts/bundle/bundler.ts), with the tree's own redocly.yaml. */
async function bundleTree(treeDir: string, label: string): Promise<unknown> {
  try {
    return await bundleProject(projectPaths(treeDir));
  } catch (error) {
    throw new DiffInputError(`bundling ${label} failed:\n${error instanceof Error ? error.message : String(error)}`);
  }
}
