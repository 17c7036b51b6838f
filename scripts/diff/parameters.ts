/**
 * Path-parameter order, which api-smart-diff does not see: it matches parameters by name and
 * location, so swapping two of them in an operation's `parameters` list is no change to it. The
 * order is API all the same: positional generators (oazapfts, openapi-typescript-codegen, orval, ...)
 * turn path parameters into function arguments in list order, e.g.
 * `deleteOnlineArchive(groupId, archiveId, clusterName)`, and every argument is a string, so a caller
 * compiled against the old order builds a wrong URL with no type error. A reorder is breaking.
 */
import { valueAtPointer } from "../openapi/document.js";

const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"] as const;

type Json = any;

/** A parameter object, following local $refs (bundled documents have only those). */
function resolve(doc: Json, node: Json): Json {
  let current = node;
  for (let hops = 0; current && typeof current.$ref === "string"; hops++) {
    if (hops > 32) throw new Error(`$ref cycle at ${node.$ref}`);
    current = valueAtPointer(doc, current.$ref);
  }
  return current;
}

/**
 * The path parameters of one operation in the order generators read them: the path item's own
 * (unless the operation overrides them), then the operation's.
 */
function pathParameterNames(doc: Json, pathItem: Json, operation: Json): string[] {
  const own = ((operation.parameters ?? []) as Json[]).map((p) => resolve(doc, p));
  const overridden = new Set(own.map((p) => `${p?.in}:${p?.name}`));
  const inherited = ((pathItem.parameters ?? []) as Json[]).map((p) => resolve(doc, p)).filter((p) => !overridden.has(`${p?.in}:${p?.name}`));
  return [...inherited, ...own].filter((p) => p?.in === "path").map((p) => String(p.name));
}

export interface OperationParameters {
  method: string;
  path: string;
  operationId: string | undefined;
  pathParameters: string[];
}

/** Every operation of a bundled document with its path parameters, in document order. */
export function pathParameterOrder(doc: Json): OperationParameters[] {
  const out: OperationParameters[] = [];
  for (const [path, item] of Object.entries<Json>(doc?.paths ?? {})) {
    const pathItem = resolve(doc, item);
    for (const method of METHODS) {
      const operation = pathItem?.[method];
      if (!operation) continue;
      out.push({ method, path, operationId: operation.operationId, pathParameters: pathParameterNames(doc, pathItem, operation) });
    }
  }
  return out;
}

export interface ParameterReorder {
  method: string;
  path: string;
  before: string[];
  after: string[];
}

/** Operations present in both documents whose path parameters are the same names in another order. */
export function pathParameterReorders(before: Json, after: Json): ParameterReorder[] {
  const old = new Map(pathParameterOrder(before).map((o) => [`${o.method} ${o.path}`, o.pathParameters]));
  const reorders: ParameterReorder[] = [];
  for (const now of pathParameterOrder(after)) {
    const was = old.get(`${now.method} ${now.path}`);
    if (!was || was.join("\0") === now.pathParameters.join("\0")) continue;
    // Different names mean a different path, which api-smart-diff already reports.
    if ([...was].sort().join("\0") !== [...now.pathParameters].sort().join("\0")) continue;
    reorders.push({ method: now.method, path: now.path, before: was, after: now.pathParameters });
  }
  return reorders;
}
