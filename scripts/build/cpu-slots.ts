/**
 * At most `size` CPU-heavy stages of the build at once (Redocly lint, the bundle, Spectral, the docs
 * render, type generation), started in the order they were asked for. The linters run on worker
 * threads and the rest on the main thread; on a 2-core machine a third stage at once only slows the
 * other two (and holds its memory at the same time): at 6,000 operations the docs render took 42 s
 * beside Spectral against 16 s alone. Stages that wait do so without using the CPU.
 */
import { availableParallelism } from "node:os";

export class CpuSlots {
  private free: number;
  private readonly waiting: (() => void)[] = [];

  constructor(readonly size = Math.max(2, availableParallelism())) {
    this.free = size;
  }

  /** Runs `fn` once a slot is free; the slot is given back when it settles. */
  async run<T>(fn: () => Promise<T>): Promise<T> {
    await this.acquire();
    try {
      return await fn();
    } finally {
      this.release();
    }
  }

  private acquire(): Promise<void> {
    if (this.free > 0) {
      this.free--;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.free++;
  }
}
