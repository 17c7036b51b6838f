/**
 * At most `limit` calls of the returned wrapper run at once; the others wait their turn in order. Why:
 * Redocly's resolver opens every file a $ref reaches at once; at 6,000 synthesised operations (24,016 files)
 * the build ran out of file descriptors (EMFILE) under a 20,000 limit, and many machines allow 1,024.
 */
export function limitConcurrency(limit: number): <T>(task: () => Promise<T>) => Promise<T> {
  if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`limitConcurrency: limit must be a positive integer, got ${limit}`);
  let running = 0;
  const waiting: Array<() => void> = [];
  return async <T>(task: () => Promise<T>): Promise<T> => {
    if (running >= limit) await new Promise<void>((resolve) => waiting.push(resolve));
    running++;
    try {
      return await task();
    } finally {
      running--;
      waiting.shift()?.();
    }
  };
}
