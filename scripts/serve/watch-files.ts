/** The files `npm run dev` watches, through chokidar (fs.watch alone loses a file an editor saves by rename). */
import { watch } from "chokidar";

export interface FileWatcher {
  close(): Promise<void>;
}

/**
 * Calls onChange(path) for each file added, changed or removed under `paths`, once `settleMs` after its
 * last write. awaitWriteFinish matters: without it chokidar drops a second change to a file within 50 ms
 * of the first (a formatter rewriting on save, a fix saved as a failed cycle ends), and nothing would run.
 */
export async function watchFiles(paths: string[], settleMs: number, onChange: (path: string) => void, onError: (error: unknown) => void): Promise<FileWatcher> {
  const watcher = watch(paths, { ignoreInitial: true, awaitWriteFinish: { stabilityThreshold: settleMs, pollInterval: 10 } });
  watcher.on("all", (_event, path) => onChange(path));
  watcher.on("error", onError);
  await new Promise<void>((ready) => watcher.once("ready", () => ready()));
  return { close: () => watcher.close() };
}
