/**
 * Calls `stop` on the first SIGINT or SIGTERM and ignores any later one. `on`, not `once`: Ctrl-C
 * under npm arrives twice (from the terminal and forwarded by npm), and a second signal with no
 * listener left would kill the process before `stop` has finished.
 */
export function onStopSignal(stop: (signal: NodeJS.Signals) => void): void {
  let stopped = false;
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => {
      if (stopped) return;
      stopped = true;
      stop(signal);
    });
  }
}
