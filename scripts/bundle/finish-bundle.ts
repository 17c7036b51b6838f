/**
 * What the bundled document gets on top of Redocly's bundle: `x-codeSamples` on every operation
 * (scripts/bundle/code-samples.ts writes them), built from the document alone: the path and required query
 * parameters' `example` (or first `examples` entry), the operation's versioned media types and its
 * request body example. Pure and synchronous: a document in, a new document out, the input untouched,
 * so any build step (scripts/bundle/bundle.ts, or a one-process build) can call it on the bundle it holds.
 */
import { codeSamples, type ParameterValue, type SampleRequest } from "./code-samples.js";
import { HTTP_METHODS, operationMediaTypes, valueAtPointer } from "../openapi/document.js";

type Json = Record<string, any>;

const MAX_REF_HOPS = 20;

function isObject(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Follows local `$ref`s (a bundle has no other kind) to the object they name. */
function resolve(doc: Json, value: unknown, where: string): Json {
  let current = value;
  for (let hops = 0; isObject(current) && typeof current.$ref === "string"; hops++) {
    if (hops > MAX_REF_HOPS) throw new Error(`${where}: $ref chain too long`);
    const target = valueAtPointer(doc, current.$ref);
    if (target === undefined) throw new Error(`${where}: $ref ${current.$ref} does not resolve in the bundled document`);
    current = target;
  }
  if (!isObject(current)) throw new Error(`${where}: expected an object`);
  return current;
}

/** `example`, else the value of the first `examples` entry; undefined when the object has neither. */
function exampleOf(doc: Json, holder: Json, where: string): unknown {
  if (holder.example !== undefined) return holder.example;
  for (const [name, raw] of Object.entries(isObject(holder.examples) ? holder.examples : {})) {
    const example = resolve(doc, raw, `${where} examples.${name}`);
    if (example.value !== undefined) return example.value;
  }
  return undefined;
}

/** Path-level parameters overridden by operation-level ones of the same name and location. */
function parametersOf(doc: Json, item: Json, op: Json, where: string): Json[] {
  const read = (list: unknown, at: string): Json[] => (Array.isArray(list) ? list.map((raw, i) => resolve(doc, raw, `${at} parameters[${i}]`)) : []);
  const own = read(op.parameters, where);
  const shared = read(item.parameters, where).filter((p) => !own.some((o) => o.name === p.name && o.in === p.in));
  return [...shared, ...own];
}

/** The concrete request the samples of one operation make, read from the document. */
function sampleRequest(doc: Json, serverUrl: string, path: string, method: string, item: Json, op: Json): SampleRequest {
  const id = typeof op.operationId === "string" ? op.operationId : undefined;
  const where = id ?? `${method.toUpperCase()} ${path}`;
  if (id === undefined) throw new Error(`${where}: an operation needs an operationId to get code samples`);

  const pathValues: Record<string, ParameterValue> = {};
  const query: [string, ParameterValue][] = [];
  for (const parameter of parametersOf(doc, item, op, where)) {
    if (parameter.in !== "path" && !(parameter.required === true)) continue;
    const value = exampleOf(doc, parameter, `${where} parameter ${parameter.name}`);
    if (value === undefined) {
      throw new Error(`${where}: parameter ${parameter.name} (${parameter.in}) needs an example: the code samples fill it in`);
    }
    if (!["string", "number", "boolean"].includes(typeof value)) {
      throw new Error(`${where}: parameter ${parameter.name} (${parameter.in}): the code samples support only string, number and boolean examples`);
    }
    if (parameter.in === "path") pathValues[parameter.name] = value as ParameterValue;
    else if (parameter.in === "query") query.push([parameter.name, value as ParameterValue]);
    else throw new Error(`${where}: required ${parameter.in} parameter ${parameter.name}: the code samples support only path and query parameters`);
  }
  for (const [, name] of path.matchAll(/\{([^{}]+)\}/g)) {
    if (!(name! in pathValues)) throw new Error(`${where}: path parameter ${name} is not declared`);
  }

  const responses = Object.fromEntries(Object.entries(isObject(op.responses) ? op.responses : {}).map(([code, raw]) => [code, resolve(doc, raw, `${where} response ${code}`)]));
  const requestBody = op.requestBody === undefined ? undefined : resolve(doc, op.requestBody, `${where} requestBody`);
  const { accept, contentType } = operationMediaTypes(id, method, path, { responses, requestBody });

  const request: SampleRequest = { operationId: id, method, path, serverUrl, pathValues, query, accept, returnsData: false };
  request.returnsData = Object.entries(responses).some(([code, response]) => code.startsWith("2") && isObject(response.content?.[accept]?.schema));
  if (contentType !== undefined) {
    const media = resolve(doc, requestBody!.content[contentType], `${where} requestBody ${contentType}`);
    const body = exampleOf(doc, media, `${where} requestBody ${contentType}`);
    if (body === undefined) throw new Error(`${where}: the request body (${contentType}) needs an example: the code samples send it`);
    request.contentType = contentType;
    request.body = body;
  }
  return request;
}

function serverUrlOf(doc: Json): string {
  const url = Array.isArray(doc.servers) && isObject(doc.servers[0]) ? doc.servers[0].url : undefined;
  if (typeof url !== "string" || !/^https?:\/\//.test(url)) throw new Error("servers[0].url: the code samples need an absolute http(s) server URL");
  return url.replace(/\/+$/, "");
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
      op["x-codeSamples"] = codeSamples(sampleRequest(out, serverUrl, path, method, item, op));
      finished.add(op);
    }
  }
  return out as T;
}
