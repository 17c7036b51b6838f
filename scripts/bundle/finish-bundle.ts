/**
 * The bundle plus `x-codeSamples` on every operation (scripts/bundle/code-samples.ts writes them), read from
 * the document alone: path and required query parameters' examples, the versioned media types, the request
 * body example. Pure: a new document out, the input untouched. An operation that lacks a piece gets no
 * samples; the atlas-code-sample-* Spectral rules report each such place, with its line.
 */
import { codeSamples, type ParameterValue, type SampleRequest } from "./code-samples.js";
import { HTTP_METHODS, isObject, operationMediaTypes, operationParameters, resolveObject } from "../../src/openapi/document.js";

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
  const id = typeof op.operationId === "string" ? op.operationId : undefined;
  const where = id ?? `${method.toUpperCase()} ${path}`;
  // spectral:oas operation-operationId reports an operation without one.
  if (id === undefined) return undefined;

  const pathValues: Record<string, ParameterValue> = {};
  const query: [string, ParameterValue][] = [];
  for (const parameter of operationParameters(doc, item, op, where)) {
    if (parameter.in !== "path" && !(parameter.required === true)) continue;
    const value = exampleOf(doc, parameter, `${where} parameter ${parameter.name}`) as ParameterValue;
    // atlas-code-sample-parameter-{example,value,location} report what is missing here.
    if (!["string", "number", "boolean"].includes(typeof value) || !["path", "query"].includes(parameter.in)) return undefined;
    if (parameter.in === "path") pathValues[parameter.name] = value;
    else query.push([parameter.name, value]);
  }
  // spectral:oas path-params reports a template variable without its parameter.
  for (const [, name] of path.matchAll(/\{([^{}]+)\}/g)) if (!(name! in pathValues)) return undefined;

  const responses = Object.fromEntries(Object.entries(isObject(op.responses) ? op.responses : {}).map(([code, raw]) => [code, resolve(doc, raw, `${where} response ${code}`)]));
  const requestBody = op.requestBody === undefined ? undefined : resolve(doc, op.requestBody, `${where} requestBody`);
  const { accept, contentType } = operationMediaTypes(id, method, path, { responses, requestBody });

  const request: SampleRequest = { operationId: id, method, path, serverUrl, pathValues, query, accept, returnsData: false };
  request.returnsData = Object.entries(responses).some(([code, response]) => code.startsWith("2") && isObject(response.content?.[accept]?.schema));
  if (contentType !== undefined) {
    const media = resolve(doc, requestBody!.content[contentType], `${where} requestBody ${contentType}`);
    const body = exampleOf(doc, media, `${where} requestBody ${contentType}`);
    if (body === undefined) return undefined;
    request.contentType = contentType;
    request.body = body;
  }
  return request;
}

/** The host the samples call; undefined when atlas-code-sample-server-url reports servers[0].url. */
function serverUrlOf(doc: Json): string | undefined {
  const url = Array.isArray(doc.servers) && isObject(doc.servers[0]) ? doc.servers[0].url : undefined;
  return typeof url === "string" && /^https?:\/\//.test(url) ? url.replace(/\/+$/, "") : undefined;
}

/** The bundled document with `x-codeSamples` on every operation. `doc` itself is not changed. */
export function finishBundle<T extends object>(doc: T): T {
  const out = structuredClone(doc) as Json;
  const serverUrl = serverUrlOf(out);
  const finished = new Set<Json>();
  for (const [path, rawItem] of Object.entries(isObject(out.paths) ? out.paths : {})) {
    const item = resolve(out, rawItem, `paths.${path}`);
    for (const method of HTTP_METHODS) {
      const op = item[method];
      // A path item reached twice (through $refs) is finished once.
      if (!isObject(op) || finished.has(op)) continue;
      if (op["x-codeSamples"] !== undefined) {
        throw new Error(`${op.operationId ?? `${method.toUpperCase()} ${path}`}: x-codeSamples are generated while bundling (scripts/bundle/code-samples.ts); remove them from openapi/`);
      }
      const request = serverUrl === undefined ? undefined : sampleRequest(out, serverUrl, path, method, item, op);
      if (request !== undefined) op["x-codeSamples"] = codeSamples(request);
      finished.add(op);
    }
  }
  return out as T;
}
