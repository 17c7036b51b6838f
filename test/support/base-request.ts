/** A valid request for each operation, from the document: parameter examples and the first body example. */
import { valueAt, type JsonValue, type Operation, type Schema } from "./bundled-document.js";
import type { RequestSpec } from "./contract-client.js";
import { sample, type PatternPool } from "./instances.js";
import { baseParameterValue } from "./parameter-cases.js";

/**
 * Path parameters and required query parameters get valid values; optional query parameters stay out.
 * `doc` is the request view of the document (readOnly properties stripped), so a sampled body never carries one.
 */
export function baseRequest(doc: JsonValue, op: Operation, pool: PatternPool): RequestSpec {
  const spec: RequestSpec = { path: {}, query: {} };
  for (const p of op.parameters) {
    if (p.in === "path") spec.path[p.name] = baseParameterValue(doc, p, pool);
    else if (p.in === "query" && p.required) spec.query[p.name] = baseParameterValue(doc, p, pool);
    else if (p.required) throw new Error(`${op.operationId}: required ${p.in} parameter ${p.name} is not supported by the contract tests`);
  }
  const media = op.requestBody?.contents[0];
  if (media) {
    const [example] = media.examples.values();
    if (example !== undefined) spec.body = example;
    else if (media.schemaPointer) spec.body = sample(doc, valueAt(doc, media.schemaPointer) as Schema, { fill: "all", pool, root: `${op.operationId} body` });
  }
  return spec;
}
