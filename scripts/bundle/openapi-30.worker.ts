/**
 * The OpenAPI 3.0 companion made on a worker thread of the build's process (see Builder.companionFiles in
 * build-pipeline.ts): at 6,000 operations it is 6 s of single-threaded work, which on the main thread
 * held up everything the main thread does meanwhile (writing the outputs, starting the library compile).
 * The document arrives as this thread's own copy, so it is converted in place.
 *
 * Runs from run.mjs's compiled copy of scripts/ (it imports ./openapi-30.js).
 *
 * Messages in:  { type: "convert", id, document }
 * Messages out: { type: "done", id, result: { json, yaml } } | { type: "failed", id, message }
 */
import { parentPort } from "node:worker_threads";
import { openApi30Files } from "./openapi-30.js";

parentPort!.on("message", (message: { id: number; document: unknown }) => {
  try {
    parentPort!.postMessage({ type: "done", id: message.id, result: openApi30Files(message.document, true) });
  } catch (error) {
    parentPort!.postMessage({ type: "failed", id: message.id, message: error instanceof Error ? error.message : String(error) });
  }
});
