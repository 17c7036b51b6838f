/**
 * `tsc -p tsconfig.build.json` through the TypeScript compiler API: src/ and generated/ to dist/lib/
 * (JavaScript, .d.ts, maps), the same files tsc writes. Type errors fail the step as Problems
 * (file:line TSnnnn message) after emitting, as tsc does.
 *
 * The compiler runs on a worker thread of this process (compile-lib.worker.mjs): `prepare()` at the
 * start of a build parses and type-checks the sources as they are on disk while the main thread lints,
 * bundles and renders; `compile()` then re-reads them, re-parses and re-checks only if a file changed
 * (usually generated/ did not), and emits. The worker keeps its parsed files, so `npm run dev`
 * re-parses only what changed.
 */
import { Worker } from "node:worker_threads";
import type { Problem, Severity } from "./problems.js";

interface PlainDiagnostic {
  file?: string;
  line: number;
  code: number;
  category: string;
  message: string;
}

type Reply = { type: "done"; id: number; diagnostics: PlainDiagnostic[] } | { type: "failed"; id: number; message: string };

export class LibCompiler {
  private worker: Worker | undefined;
  private nextId = 0;
  private readonly waiting = new Map<number, { resolve: (problems: Problem[]) => void; reject: (error: Error) => void }>();

  constructor(
    private readonly root: string,
    private readonly configFile: string,
  ) {}

  private start(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(new URL("./compile-lib.worker.mjs", import.meta.url), { workerData: { configFile: this.configFile }, execArgv: [] });
    worker.on("message", (reply: Reply) => {
      const waiter = this.waiting.get(reply.id);
      this.waiting.delete(reply.id);
      if (reply.type === "done") waiter?.resolve(reply.diagnostics.map((d) => this.toProblem(d)));
      else waiter?.reject(new Error(`tsc -p ${this.configFile}: ${reply.message}`));
    });
    worker.on("error", (error) => this.failAll(error));
    worker.on("exit", (code) => {
      this.worker = undefined;
      this.failAll(new Error(`the TypeScript worker exited (${code})`));
    });
    // A build that ends without compiling must not be kept alive by the worker.
    worker.unref();
    this.worker = worker;
    return worker;
  }

  private failAll(error: Error): void {
    for (const waiter of this.waiting.values()) waiter.reject(error);
    this.waiting.clear();
  }

  private toProblem(d: PlainDiagnostic): Problem {
    const severity: Severity = d.category === "error" ? "error" : d.category === "warning" ? "warning" : "info";
    return { file: d.file ?? this.configFile, line: d.line, rule: `TS${d.code}`, message: d.message, severity, tool: "tsc" };
  }

  /** Starts parsing and type-checking the sources as they are now, ahead of compile(). */
  prepare(): void {
    this.start().postMessage({ type: "check" });
  }

  /** Type-checks (again, if a file changed since) and emits; returns every diagnostic (the caller fails on errors). */
  compile(): Promise<Problem[]> {
    const worker = this.start();
    const id = ++this.nextId;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      worker.ref();
      worker.postMessage({ type: "compile", id });
    }).finally(() => {
      if (this.waiting.size === 0) worker.unref();
    }) as Promise<Problem[]>;
  }

  async close(): Promise<void> {
    await this.worker?.terminate();
  }
}
