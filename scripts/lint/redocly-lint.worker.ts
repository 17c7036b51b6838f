/**
 * Redocly lint on a worker thread of the build's process (see RedoclyLinter in redocly.ts): it reads
 * and lints openapi/ while the main thread bundles it and Spectral lints the bundle, so the lint is no
 * longer a stage everything else waits for. It has its own resolver (every file read and parsed once
 * more, in parallel) because bundling rewrites the $refs of the documents a resolver caches.
 *
 * Runs from run.mjs's compiled copy of scripts/ (it imports ./redocly.js).
 *
 * Messages in:  { type: "lint", id } | { type: "reload" } (redocly.yaml changed)
 * Messages out: { type: "done", id, result: Problem[] } | { type: "failed", id, message }
 */
import { parentPort, workerData } from "node:worker_threads";
import { loadRedoclyConfig, newRedoclyContext, redoclyLint } from "../bundle/redocly.js";

const { root, entry } = workerData as { root: string; entry: string };

function load() {
  const config = loadRedoclyConfig(root, entry);
  config.catch(() => undefined); // reported by the lint that awaits it
  return config;
}

let config = load();

parentPort!.on("message", (message: { type: string; id?: number }) => {
  if (message.type === "reload") {
    config = load();
    return;
  }
  config
    .then((loaded) => redoclyLint(newRedoclyContext(entry, loaded)))
    .then(
      (result) => parentPort!.postMessage({ type: "done", id: message.id, result }),
      (error: unknown) => parentPort!.postMessage({ type: "failed", id: message.id, message: error instanceof Error ? error.message : String(error) }),
    );
});
