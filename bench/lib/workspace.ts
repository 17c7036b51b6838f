/**
 * A throwaway copy of the project in the OS temp dir, with node_modules linked, for the benchmarks to
 * build in: they never write to the working tree's dist/ or generated/ while others use them, and the
 * scale benchmark swaps in a synthesised openapi/ tree.
 */
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, sep } from "node:path";
import { synthesizeDocument, type SynthesisResult } from "../../scripts/synthesize/synthesize.js";
import { EMPTY_REDOCLY_CONFIG } from "./tools.js";

/** Top-level entries not copied: dependencies (linked instead), history and outputs. */
const SKIPPED = new Set(["node_modules", ".git", "dist", "test-results"]);

export interface Workspace {
  dir: string;
  synthesis?: SynthesisResult;
  dispose(): void;
}

export function createWorkspace(projectRoot: string, options: { operations?: number } = {}): Workspace {
  const dir = mkdtempSync(join(tmpdir(), "atlas-bench-"));
  cpSync(projectRoot, dir, {
    recursive: true,
    filter: (source) => {
      const path = relative(projectRoot, source);
      const top = path.split(sep)[0] ?? "";
      // Nested installs (test/downstream/generators, scripts/node-lines) are not copied either.
      return !SKIPPED.has(top) && !path.split(sep).includes("node_modules") && !path.endsWith(".tgz") && !path.startsWith(join("bench", "RESULTS"));
    },
  });
  symlinkSync(join(projectRoot, "node_modules"), join(dir, "node_modules"), "dir");
  mkdirSync(join(dir, "dist", "lint"), { recursive: true });
  mkdirSync(join(dir, "dist", "bench"), { recursive: true });
  writeFileSync(join(dir, EMPTY_REDOCLY_CONFIG), "{}\n");
  const workspace: Workspace = { dir, dispose: () => rmSync(dir, { recursive: true, force: true }) };
  if (options.operations !== undefined) {
    workspace.synthesis = synthesizeDocument(join(projectRoot, "openapi"), join(dir, "openapi"), options.operations);
  }
  return workspace;
}
