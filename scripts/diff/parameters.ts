// Path-parameter order, which api-smart-diff does not see (it matches parameters by name). Positional
// generators (oazapfts, orval, ...) turn path parameters into string arguments in list order, so a caller
// compiled against the old order builds a wrong URL with no type error: a reorder is breaking.
import { forEachOperation, operationParameters } from "../../src/openapi/document.js";

type Order = { method: string; path: string; operationId: string | undefined; pathParameters: string[] };

/** Every operation of a bundled document with its path parameters in the order generators read them, in document order. */
export function pathParameterOrder(doc: unknown): Order[] {
  const out: Order[] = [];
  forEachOperation(doc, ({ path, method, operation, pathItem }) => {
    const parameters = operationParameters(doc, pathItem, operation, `${method.toUpperCase()} ${path}`);
    out.push({ method, path, operationId: operation.operationId, pathParameters: parameters.filter((p) => p.in === "path").map((p) => String(p.name)) });
  });
  return out;
}

/** Operations present in both documents whose path parameters are the same names in another order. */
export function pathParameterReorders(before: unknown, after: unknown) {
  const old = new Map(pathParameterOrder(before).map((o) => [`${o.method} ${o.path}`, o.pathParameters]));
  const key = (names: string[]) => names.join("\0");
  return pathParameterOrder(after).flatMap(({ method, path, pathParameters }) => {
    const was = old.get(`${method} ${path}`);
    // Different names mean a different path, which api-smart-diff already reports.
    if (!was || key(was) === key(pathParameters) || key([...was].sort()) !== key([...pathParameters].sort())) return [];
    return [{ method, path, before: was, after: pathParameters }];
  });
}
