/**
 * Requests to a worker thread of this process, answered by id: { type, id, ... } in,
 * { type: "done", id, result } or { type: "failed", id, message } out. The build puts the TypeScript
 * compiler and Spectral on worker threads so they work while the main thread runs Redocly and Redoc.
 * An idle worker does not keep the process alive.
 */
import { Worker, type ResourceLimits } from "node:worker_threads";

/**
 * The old-generation heap a worker may use. Node gives a worker the main thread's default (about a
 * quarter of the machine's memory, capped near 4 GB); at 6,000 synthesised operations a linter's or the
 * compiler's heap comes close to that, and a worker that hits it dies with "JS heap out of memory".
 * The limit is a ceiling, not a reservation.
 */
export const WORKER_HEAP_MB = 8192;

/**
 * The young generation a worker gets: 192 MB, three 64 MB semi-spaces, as the main thread gets from
 * `--max-semi-space-size=64` in the npm script `build`. The build's stages allocate hundreds of
 * MB of short-lived objects (parsed YAML, views, AST nodes); with V8's default 16 MB semi-spaces they were
 * scavenged over and over, and at 6,000 operations the V8 helper threads alone spent 24 s of CPU on
 * garbage collection. Measured with and without (bench/PROFILE.md): 8 s less CPU, 4 s less wall time, for
 * about 1 GB more peak memory at that size. Like the old generation's, a ceiling, not a reservation.
 */
export const WORKER_YOUNG_GENERATION_MB = 192;

/**
 * A size from which a stage moves to a worker thread of its own, or 0 (always) with
 * BUILD_BIG_DOCUMENT_PATHS=1: test/build/worker-stages.test.ts builds a small document both ways and
 * compares the outputs, since only the benchmarks' synthesised documents are big enough otherwise.
 */
export function onWorkerFrom(size: number): number {
  return process.env.BUILD_BIG_DOCUMENT_PATHS === "1" ? 0 : size;
}

type Reply = { type: "done"; id: number; result: unknown } | { type: "failed"; id: number; message: string };

export class WorkerClient {
  private worker: Worker | undefined;
  private nextId = 0;
  private readonly waiting = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();

  constructor(
    private readonly name: string,
    private readonly url: URL,
    private readonly workerData: unknown,
    private readonly resourceLimits: ResourceLimits = { maxOldGenerationSizeMb: WORKER_HEAP_MB, maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB },
  ) {}

  private start(): Worker {
    if (this.worker) return this.worker;
    // No execArgv: the workers are plain JavaScript and need no loader.
    const worker = new Worker(this.url, { workerData: this.workerData, execArgv: [], resourceLimits: this.resourceLimits });
    worker.on("message", (reply: Reply) => {
      const waiter = this.waiting.get(reply.id);
      this.waiting.delete(reply.id);
      if (this.waiting.size === 0) worker.unref();
      if (reply.type === "done") waiter?.resolve(reply.result);
      else waiter?.reject(new Error(`${this.name}: ${reply.message}`));
    });
    // A worker that dies (out of memory, an uncaught error) fails what waits for it, naming the step,
    // rather than leaving the build waiting for an answer that will not come.
    worker.on("error", (error) => this.failAll(new Error(`${this.name}: the worker thread failed: ${error.message}`)));
    worker.on("exit", (code) => {
      if (this.worker === worker) this.worker = undefined;
      this.failAll(new Error(`${this.name}: the worker thread exited (code ${code}) before answering`));
    });
    worker.unref();
    this.worker = worker;
    return worker;
  }

  private failAll(error: Error): void {
    for (const waiter of this.waiting.values()) waiter.reject(error);
    this.waiting.clear();
  }

  /** Starts the worker now (it loads what it needs while the caller goes on). */
  warm(): void {
    this.start();
  }

  /** Sends a message that needs no answer. */
  tell(message: Record<string, unknown>): void {
    this.start().postMessage(message);
  }

  request<T>(message: Record<string, unknown>): Promise<T> {
    const worker = this.start();
    const id = ++this.nextId;
    return new Promise<T>((resolve, reject) => {
      this.waiting.set(id, { resolve: resolve as (value: unknown) => void, reject });
      worker.ref();
      worker.postMessage({ ...message, id });
    });
  }

  async close(): Promise<void> {
    await this.worker?.terminate();
  }
}
