/**
 * The Postman collection of the bundled document (docs/postman.md): openapi-to-postmanv2 converts it, then
 * finishCollection() sets the versioned headers, the examples, the auth script (sandbox/auth.js) and each
 * request's tests (sandbox/response-tests.js), and drops what would make the output depend on more than the document.
 */
import { readFileSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import converter from "openapi-to-postmanv2";
import { stripAnnotations } from "../generate/response-validators.js";
import { decodeSegment, forEachOperation, isObject as isMap, operationMediaTypes, operationParameters, resolveObject, valueAtPointer } from "../../src/openapi/document.js";
import type { OperationEntry } from "../../src/openapi/document.js";
import { documentView, SUBSCHEMA_KEYWORDS, type Json, type JsonMap } from "../openapi/schema-views.js";

// The converter's output, as far as this module reads and writes it.
type Item = { name: string; item?: Item[]; request?: any; event?: unknown[]; response?: unknown; id?: string };
export type Collection = { info: JsonMap; item: Item[]; auth?: unknown; event?: unknown[]; variable?: { key: string; value: string }[] };
type UnicodePattern = { path: string[]; pattern: string };

/** Variables of the auth script; authMode is "serviceAccount" or "apiKey". */
const AUTH_VARIABLES = { authMode: "serviceAccount", clientId: "", clientSecret: "", publicKey: "", privateKey: "" };
const SCHEMAS = "#/components/schemas/";

const sandboxScript = (name: string): string[] => readFileSync(new URL(`./sandbox/${name}`, import.meta.url), "utf8").trimEnd().split("\n");
const script = (type: "prerequest" | "test", exec: string[]) => ({ listen: type, script: { type: "text/javascript", exec } });
/** What a (possibly $ref'd) node of the document names; throws when a $ref leads nowhere. */
const deref = (doc: JsonMap, value: unknown) => resolveObject(doc, value, "the Postman collection").value;

/**
 * Takes the \p{…} patterns out of `schema` (in place; Postman's ajv lacks the `u` flag, the test script checks
 * them) with where each applies in an instance: property names, "*" for array items.
 */
export function takeUnicodePatterns(resource: unknown, schema: unknown, path: string[] = [], seen = new Set<unknown>()): UnicodePattern[] {
  if (!isMap(schema) || seen.has(schema)) return [];
  seen.add(schema);
  const found: UnicodePattern[] = [];
  if (typeof schema.pattern === "string" && /\\[pP]\{/.test(schema.pattern)) {
    found.push({ path, pattern: schema.pattern });
    delete schema.pattern;
  }
  const into = (sub: unknown, at: string[]) => found.push(...takeUnicodePatterns(resource, sub, at, seen));
  if (typeof schema.$ref === "string") into(valueAtPointer(resource, schema.$ref), path);
  for (const [name, sub] of Object.entries(isMap(schema.properties) ? schema.properties : {})) into(sub, [...path, name]);
  into(schema.items, [...path, "*"]);
  for (const keyword of SUBSCHEMA_KEYWORDS.lists) if (Array.isArray(schema[keyword])) for (const sub of schema[keyword]) into(sub, path);
  return found;
}

/** The response schema, self-contained: the component schemas it reaches through $ref ride along at their own pointers. */
function embeddedSchema(view: JsonMap, schema: unknown): { schema: JsonMap; unicodePatterns: UnicodePattern[] } {
  const reached = new Map<string, Json>();
  const visit = (node: unknown): void => {
    if (!node || typeof node !== "object") return;
    const ref = isMap(node) && typeof node.$ref === "string" && node.$ref.startsWith(SCHEMAS) ? node.$ref : undefined;
    if (ref && !reached.has(ref)) visit(reached.set(ref, stripAnnotations((valueAtPointer(view, ref) as Json) ?? null)).get(ref)!);
    Object.values(node).forEach(visit);
  };
  const root = stripAnnotations(schema as Json);
  visit(root);
  const schemas = Object.fromEntries([...reached].map(([ref, s]) => [decodeSegment(ref.slice(SCHEMAS.length)), s]));
  const resource: JsonMap = { allOf: [root], components: { schemas } };
  // One entry per place and pattern (a property declared in a schema and in the allOf parent it extends).
  const unicodePatterns = [...new Map(takeUnicodePatterns(resource, resource).map((p) => [JSON.stringify(p), p])).values()];
  return { schema: resource, unicodePatterns };
}

/** The converted collection, finished as the header comment says. Throws naming what the document lacks. */
export function finishCollection(converted: Collection, doc: JsonMap): Collection {
  const view = documentView(doc, "response");
  const variables = new Map<string, string>();
  const operations = new Map<string, OperationEntry>();
  forEachOperation(doc, (entry) => operations.set(`${entry.method.toUpperCase()} ${entry.path}`, entry));
  const finishItem = (item: Item): Item => {
    if (item.item) return { name: item.name, description: (item as JsonMap).description, item: item.item.map(finishItem) } as Item;
    const request = item.request;
    const path = `/${(request.url.path as string[]).map((segment) => segment.replace(/^:(.+)$/, "{$1}")).join("/")}`;
    const key = `${request.method} ${path}`;
    const found = operations.get(key);
    if (!found) throw new Error(`the converter made a request ${key} that is not an operation of the document`);
    operations.delete(key);
    const { operation: op, pathItem, method, pointer } = found;
    const where = `${op.operationId} (${key})`;
    const types = operationMediaTypes(String(op.operationId), method, path, op);
    request.header = [{ key: "Accept", value: types.accept }, ...(types.contentType ? [{ key: "Content-Type", value: types.contentType }] : [])];
    const parameters = operationParameters(doc, pathItem, op, where);
    for (const variable of request.url.variable ?? []) {
      const { key: name } = variable;
      const example = parameters.find((p) => p.in === "path" && p.name === name)?.example;
      if (example === undefined || example === null) throw new Error(`${where}: path parameter ${name} has no example to seed the variable {{${name}}}`);
      const seeded = variables.get(name) ?? String(example);
      if (seeded !== String(example)) throw new Error(`${where}: path parameter ${name} has the example ${example}, another operation ${seeded}: one collection variable cannot hold both`);
      variables.set(name, seeded);
      variable.value = `{{${name}}}`;
    }
    for (const query of request.url.query ?? []) {
      const parameter = parameters.find((p) => p.in === "query" && p.name === query.key);
      if (parameter?.required && parameter.example === undefined) throw new Error(`${where}: required query parameter ${query.key} has no example`);
      if (parameter?.example !== undefined) query.value = String(parameter.example);
    }
    if (types.contentType) {
      // operationMediaTypes found the content type, so the request body and its content are inline.
      const media = op.requestBody.content[types.contentType];
      const example = isMap(media.examples) ? Object.values(media.examples).map((e) => deref(doc, e).value)[0] : media.example;
      if (example === undefined) throw new Error(`${where}: the request body (${types.contentType}) has no example`);
      request.body = { mode: "raw", raw: JSON.stringify(example, null, 2), options: { raw: { language: "json" } } };
    }
    delete request.auth; // every request uses the collection's auth (the pre-request script)
    const success = Object.keys(op.responses ?? {}).filter((code) => /^2\d\d$/.test(code)).sort()[0];
    if (!success) throw new Error(`${where}: documents no 2xx response`);
    const schema = deref(view, valueAtPointer(view, `${pointer}/responses/${success}`)).content?.[types.accept]?.schema;
    const expected = { status: Number(success), contentType: schema === undefined ? null : types.accept, ...(schema === undefined ? { schema: null, unicodePatterns: [] } : embeddedSchema(view, schema)) };
    return { name: item.name, request, event: [script("test", [`const expected = ${JSON.stringify(expected)};`, ...sandboxScript("response-tests.js")])] };
  };
  const item = converted.item.map(finishItem);
  if (operations.size > 0) throw new Error(`the converter made no request for ${[...operations.keys()].join(", ")}`);
  const baseUrl = (doc.servers as JsonMap[] | undefined)?.[0]?.url;
  if (typeof baseUrl !== "string" || !baseUrl) throw new Error("the document names no server: baseUrl has no default");
  const { _postman_id: _, ...info } = converted.info;
  return {
    info,
    item,
    auth: { type: "bearer", bearer: [{ key: "token", value: "{{accessToken}}", type: "string" }] },
    event: [script("prerequest", sandboxScript("auth.js"))],
    variable: Object.entries({ baseUrl, ...Object.fromEntries(variables), ...AUTH_VARIABLES }).map(([key, value]) => ({ key, value })),
  };
}

/** openapi-to-postmanv2's collection of the document (tag folders, requests named by summary). */
export function convertDocument(doc: JsonMap): Promise<Collection> {
  const options = { folderStrategy: "Tags", requestNameSource: "Fallback", parametersResolution: "Example", enableOptionalParameters: false, includeAuthInfoInExample: false } as const;
  return new Promise((resolve, reject) =>
    converter.convert({ type: "json", data: structuredClone(doc) }, options, (error, result: any) => {
      if (error) reject(error);
      else if (!result.result) reject(new Error(`openapi-to-postmanv2: ${result.reason}`));
      else resolve(result.output[0].data as Collection);
    }),
  );
}

const COLLECTION_FILE = "atlas-admin.postman_collection.json";

/** Writes the collection beside the bundle in generated/ (the package's export) and beside the docs page (the page links it). */
export async function writeCollection(doc: unknown, paths: { bundleJson: string; docsPage: string }): Promise<string> {
  const text = `${JSON.stringify(finishCollection(await convertDocument(doc as JsonMap), doc as JsonMap), null, 2)}\n`;
  for (const dir of [dirname(paths.bundleJson), dirname(paths.docsPage)]) {
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, COLLECTION_FILE), text);
  }
  return `${COLLECTION_FILE}, in generated/ and beside the docs page`;
}
