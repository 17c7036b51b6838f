/**
 * Requests to a worker thread of this process, answered by id: { type, id, ... } in,
 * { type: "done", id, result } or { type: "failed", id, message } out. The build puts the TypeScript
 * compiler and Spectral on worker threads so they work while the main thread runs Redocly and Redoc.
 * An idle worker does not keep the process alive.
 */
import { Worker } from "node:worker_threads";

type Reply = { type: "done"; id: number; result: unknown } | { type: "failed"; id: number; message: string };

export class WorkerClient {
  private worker: Worker | undefined;
  private nextId = 0;
  private readonly waiting = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();

  constructor(
    private readonly name: string,
    private readonly url: URL,
    private readonly workerData: unknown,
  ) {}

  private start(): Worker {
    if (this.worker) return this.worker;
    // No execArgv: the workers are plain JavaScript and need no loader.
    const worker = new Worker(this.url, { workerData: this.workerData, execArgv: [] });
    worker.on("message", (reply: Reply) => {
      const waiter = this.waiting.get(reply.id);
      this.waiting.delete(reply.id);
      if (this.waiting.size === 0) worker.unref();
      if (reply.type === "done") waiter?.resolve(reply.result);
      else waiter?.reject(new Error(`${this.name}: ${reply.message}`));
    });
    worker.on("error", (error) => this.failAll(error));
    worker.on("exit", (code) => {
      this.worker = undefined;
      this.failAll(new Error(`${this.name}: the worker exited (${code})`));
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
