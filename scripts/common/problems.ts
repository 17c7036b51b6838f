/**
 * One shape and one printed form, `file:line rule message` (the file relative to the project), for every
 * finding of every tool in the build. "warning" (Redocly) and "warn" (Spectral) fail the build like errors:
 * the project accepts no warnings. Spectral's info and hints print without failing (`--fail-severity=warn`).
 */
import { relative } from "node:path";

export type Severity = "error" | "warning" | "info" | "hint";

export interface Problem {
  /** Absolute path of the file the finding is in. */
  file: string;
  /** 1-based line; 0 when the tool gave no position. */
  line: number;
  rule: string;
  message: string;
  severity: Severity;
  /** Which tool found it: "redocly", "spectral", "bundle", ... */
  tool: string;
}

export function failsBuild(problem: Problem): boolean {
  return problem.severity === "error" || problem.severity === "warning";
}

export function formatProblem(problem: Problem, root: string): string {
  return `${relative(root, problem.file) || problem.file}:${problem.line} ${problem.rule} ${problem.message}`;
}

/** A step failed on findings; the message lists them, one `file:line rule message` per line. */
export class ProblemsError extends Error {
  override readonly name = "ProblemsError";

  constructor(step: string, readonly problems: Problem[], root: string) {
    const failing = problems.filter(failsBuild).length;
    super(`${step}: ${failing} problem${failing === 1 ? "" : "s"} (warnings are not accepted)\n${problems.map((p) => formatProblem(p, root)).join("\n")}`);
  }
}
