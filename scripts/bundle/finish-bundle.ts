// The bundle plus `x-codeSamples` on every operation (code-samples.ts writes them), read from the document
// alone. Pure: a new document out, the input untouched. An operation that lacks a piece gets no samples; the
// atlas-code-sample-* Spectral rules report each such place, with its line.
import { codeSamples, type ParameterValue, type SampleRequest } from "./code-samples.js";
import { forEachOperation, isObject, operationMediaTypes, operationParameters, resolveObject } from "../../src/openapi/document.js";

type Json = Record<string, any>;

/** Follows local `$ref`s (a bundle has no other kind) to the object they name; throws naming `where`. */
const resolve = (doc: Json, value: unknown, where: string): Json => resolveObject(doc, value, where).value;

/** `example`, else the value of the first `examples` entry; undefined when the object has neither. */
function exampleOf(doc: Json, holder: Json, where: string): unknown {
  if (holder.example !== undefined) return holder.example;
  for (const [name, raw] of Object.entries(isObject(holder.examples) ? holder.examples : {})) {
    const example = resolve(doc, raw, `${where} examples.${name}`);
    if (example.value !== undefined) return example.value;
  }
  return undefined;
}

/** The concrete request the samples of one operation make, read from the document; undefined when it lacks a piece. */
function sampleRequest(doc: Json, serverUrl: string, path: string, method: string, item: Json, op: Json): SampleRequest | undefined {
  // spectral:oas operation-operationId reports an operation without one.
  if (typeof op.operationId !== "string") return undefined;
  const id: string = op.operationId;
  const pathValues: Record<string, ParameterValue> = {};
  const query: [string, ParameterValue][] = [];
  for (const parameter of operationParameters(doc, item, op, id)) {
    if (parameter.in !== "path" && !(parameter.required === true)) continue;
    const value = exampleOf(doc, parameter, `${id} parameter ${parameter.name}`) as ParameterValue;
    // atlas-code-sample-parameter-{example,value,location} report what is missing here.
    if (!["string", "number", "boolean"].includes(typeof value) || !["path", "query"].includes(parameter.in)) return undefined;
    if (parameter.in === "path") pathValues[parameter.name] = value;
    else query.push([parameter.name, value]);
  }
  // spectral:oas path-params reports a template variable without its parameter.
  for (const [, name] of path.matchAll(/\{([^{}]+)\}/g)) if (!(name! in pathValues)) return undefined;

  const responses = Object.fromEntries(Object.entries(isObject(op.responses) ? op.responses : {}).map(([code, raw]) => [code, resolve(doc, raw, `${id} response ${code}`)]));
  const requestBody = op.requestBody === undefined ? undefined : resolve(doc, op.requestBody, `${id} requestBody`);
  const { accept, contentType } = operationMediaTypes(id, method, path, { responses, requestBody });
  const returnsData = Object.entries(responses).some(([code, response]) => code.startsWith("2") && isObject(response.content?.[accept]?.schema));
  const request: SampleRequest = { method, path, serverUrl, pathValues, query, accept, returnsData };
  if (contentType === undefined) return request;
  const where = `${id} requestBody ${contentType}`;
  const body = exampleOf(doc, resolve(doc, requestBody!.content[contentType], where), where);
  return body === undefined ? undefined : { ...request, contentType, body };
}

/** The bundled document with `x-codeSamples` on every operation. `doc` itself is not changed. */
export function finishBundle<T extends object>(doc: T): T {
  const out = structuredClone(doc) as Json;
  const url = out.servers?.[0]?.url;
  // Relative or missing: atlas-code-sample-server-url reports servers[0].url.
  const serverUrl = typeof url === "string" && /^https?:\/\//.test(url) ? url.replace(/\/+$/, "") : undefined;
  const finished = new Set<Json>();
  forEachOperation(out, ({ path, method, operation, pathItem }) => {
    // A path item reached twice (through $refs) is finished once.
    if (finished.has(operation)) return;
    if (operation["x-codeSamples"] !== undefined) {
      throw new Error(`${operation.operationId ?? `${method.toUpperCase()} ${path}`}: x-codeSamples are generated while bundling (scripts/bundle/code-samples.ts); remove them from openapi/`);
    }
    const request = serverUrl === undefined ? undefined : sampleRequest(out, serverUrl, path, method, pathItem, operation);
    if (request !== undefined) operation["x-codeSamples"] = codeSamples(request);
    finished.add(operation);
  });
  return out as T;
}
