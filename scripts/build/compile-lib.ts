/**
 * `tsc -p tsconfig.build.json` through the TypeScript compiler API: src/ to dist/lib/ (JavaScript, .d.ts,
 * maps), the same files tsc writes, and the generated JavaScript modules of generated/ (a .js with its
 * .d.ts, which tsc reads but does not compile) copied beside them. Type errors fail the step as Problems
 * (file:line TSnnnn message) after emitting, as tsc does.
 *
 * The compiler runs on a worker thread of this process (compile-lib.worker.mjs): `prepare()` at the
 * start of a build parses and type-checks the sources as they are on disk while the main thread lints,
 * bundles and renders; `compile()` then re-reads them, re-parses and re-checks only if a file changed
 * (usually generated/ did not), and emits. It is incremental like `tsc -b` (a build-info file in
 * dist/.build/): unchanged files are not re-checked or re-written. The worker keeps its parsed files,
 * so `npm run dev` re-parses only what changed.
 */
import type { Problem, Severity } from "../common/problems.js";
import { WorkerClient } from "../common/worker-client.js";

interface PlainDiagnostic {
  file?: string;
  line: number;
  code: number;
  category: string;
  message: string;
}

export class LibCompiler {
  private readonly worker: WorkerClient;

  constructor(
    private readonly configFile: string,
    buildInfoFile: string,
  ) {
    this.worker = new WorkerClient(`tsc -p ${configFile}`, new URL("./compile-lib.worker.mjs", import.meta.url), { configFile, buildInfoFile });
  }

  private toProblem(d: PlainDiagnostic): Problem {
    const severity: Severity = d.category === "error" ? "error" : d.category === "warning" ? "warning" : "info";
    return { file: d.file ?? this.configFile, line: d.line, rule: `TS${d.code}`, message: d.message, severity, tool: "tsc" };
  }

  /** Starts parsing and type-checking the sources as they are now, ahead of compile(). */
  prepare(): void {
    this.worker.tell({ type: "check" });
  }

  /** Type-checks (again, if a file changed since) and emits; returns every diagnostic (the caller fails on errors). */
  async compile(): Promise<Problem[]> {
    const diagnostics = await this.worker.request<PlainDiagnostic[]>({ type: "compile" });
    return diagnostics.map((d) => this.toProblem(d));
  }

  /** Stops the compiler's thread. */
  async close(): Promise<void> {
    await this.worker.close();
  }
}
