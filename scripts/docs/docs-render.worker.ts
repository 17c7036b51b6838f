/**
 * The docs page rendered on a worker thread of the build's process (see DocsRenderer in build-docs.ts):
 * at 6,000 operations Redoc's render of the 50 MB page needs over a gigabyte of heap of its own, which
 * on the main thread sat beside the bundle, the generated types and everything else the build holds
 * (the render took 291 s there, 8 to 16 s alone). On its own thread it has its own heap, freed when the
 * thread ends.
 *
 * Runs from run.mjs's compiled copy of scripts/ (it imports ../build-docs.js).
 *
 * Messages in:  { type: "render", id, source, output }
 * Messages out: { type: "done", id, result: null } | { type: "failed", id, message }
 */
import { parentPort } from "node:worker_threads";
import { buildDocs } from "./build-docs.js";

parentPort!.on("message", (message: { id: number; source: string; output: string }) => {
  buildDocs(message.source, message.output).then(
    () => parentPort!.postMessage({ type: "done", id: message.id, result: null }),
    (error: unknown) => parentPort!.postMessage({ type: "failed", id: message.id, message: error instanceof Error ? error.message : String(error) }),
  );
});
