/**
 * One shape and one printed form for every finding of every tool in the build (Redocly lint and
 * bundle, Spectral, YAML syntax errors): `file:line rule message`, the file relative to the project.
 * A finding at "warning" (Redocly) or "warn" (Spectral) fails the build like an error: the project
 * accepts no warnings. Spectral's info and hint findings are printed and do not fail, as with
 * `spectral lint --fail-severity=warn`.
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
  const file = relative(root, problem.file) || problem.file;
  return `${file}:${problem.line} ${problem.rule} ${problem.message}`;
}

/** A step failed on findings; the message lists them, one `file:line rule message` per line. */
export class ProblemsError extends Error {
  readonly problems: Problem[];

  constructor(step: string, problems: Problem[], root: string) {
    const failing = problems.filter(failsBuild);
    const counts = `${failing.length} problem${failing.length === 1 ? "" : "s"}`;
    super(`${step}: ${counts} (warnings are not accepted)\n${problems.map((p) => formatProblem(p, root)).join("\n")}`);
    this.name = "ProblemsError";
    this.problems = problems;
  }
}
