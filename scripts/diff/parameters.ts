/**
 * Path-parameter order, which api-smart-diff does not see: it matches parameters by name and
 * location, so swapping two of them in an operation's `parameters` list is no change to it. The
 * order is API all the same: positional generators (oazapfts, openapi-typescript-codegen, orval, ...)
 * turn path parameters into function arguments in list order, e.g.
 * `deleteOnlineArchive(groupId, archiveId, clusterName)`, and every argument is a string, so a caller
 * compiled against the old order builds a wrong URL with no type error. A reorder is breaking.
 */
import { forEachOperation, operationParameters } from "../../src/openapi/document.js";

export interface OperationParameters {
  method: string;
  path: string;
  operationId: string | undefined;
  pathParameters: string[];
}

/** Every operation of a bundled document with its path parameters in the order generators read them, in document order. */
export function pathParameterOrder(doc: unknown): OperationParameters[] {
  const out: OperationParameters[] = [];
  forEachOperation(doc, ({ path, method, operation, pathItem }) => {
    const parameters = operationParameters(doc, pathItem, operation, `${method.toUpperCase()} ${path}`);
    out.push({ method, path, operationId: operation.operationId, pathParameters: parameters.filter((p) => p.in === "path").map((p) => String(p.name)) });
  });
  return out;
}

export interface ParameterReorder {
  method: string;
  path: string;
  before: string[];
  after: string[];
}

/** Operations present in both documents whose path parameters are the same names in another order. */
export function pathParameterReorders(before: unknown, after: unknown): ParameterReorder[] {
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
