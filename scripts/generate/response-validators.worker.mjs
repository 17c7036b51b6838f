// The ajv half of the response validator generator (scripts/generate/response-validators.ts), on a worker
// thread: ajv compiles the schema resource and writes every validator's code while the main thread runs
// openapi-typescript (at 6,000 operations each is about half of `npm run generate`).
// Plain JavaScript so the worker needs no TypeScript loader.
//
// Message in:  { type: "compile", id, resource, key, pointers }  (the resource is added to ajv under `key`)
// Message out: { type: "done", id, result: { code, functions: { [pointer]: identifier } } } | { type: "failed", id, message }
import { parentPort } from "node:worker_threads";
import { standaloneValidators } from "./ajv-standalone.js";
import { ajvRef, createOpenApiAjv } from "../openapi/openapi-ajv.js";

/**
 * ajv turns each validator's code into a function (new Function) as it compiles; here the code is only
 * written out, never run, so V8 gets an empty function instead (ajv's `code.process` hook sees the code
 * after it is recorded as the standalone source). Measured at 2,000 operations: a sixth of ajv's time.
 */
const skipEvaluation = () => "return function validate() {}";

function compile({ resource, key, pointers }) {
  // code.lines: one statement per line, so a reviewer can read a diff of the committed file.
  // optimize: false: ajv's optimisation passes cost a fifth of its time at 2,000 operations, for 11% less code.
  const ajv = createOpenApiAjv(resource, { code: { source: true, lines: true, optimize: false, process: skipEvaluation } });
  ajv.addSchema(resource, key, undefined, false);
  const refs = pointers.map((pointer) => ajvRef(key, pointer));
  const { code, names } = standaloneValidators(ajv, refs);
  return { code, functions: Object.fromEntries(pointers.map((pointer, index) => [pointer, names.get(refs[index])])) };
}

parentPort.on("message", (message) => {
  try {
    parentPort.postMessage({ type: "done", id: message.id, result: compile(message) });
  } catch (error) {
    parentPort.postMessage({ type: "failed", id: message.id, message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
});
