/**
 * Every example of an OpenAPI 3.1 document with the schema it must satisfy:
 *  - media type examples (`example`, `examples.*.value`) against the media type's schema, in the view of
 *    their direction with hidden properties forbidden (a request example must not show a readOnly field);
 *  - parameter and header examples against their schema;
 *  - schema `example`, `examples[]` and `default` values, at any depth, against the schema they sit in.
 * Example objects given by $ref are checked where they are used, against that place's schema.
 */
import { HTTP_METHODS, isObject, joinPointer, resolveObject, type JsonObject, type JsonValue } from "./bundled-document.js";
import type { View } from "./document-validator.js";
import { SUBSCHEMA_KEYWORDS } from "../../scripts/openapi/schema-views.js";

export interface ExampleSite {
  /** JSON pointer of the example value (with the $ref followed, when there was one). */
  pointer: string;
  schemaPointer: string;
  view: View;
  value: JsonValue;
}

const { single: SUBSCHEMA_SINGLE, lists: SUBSCHEMA_LISTS, maps: SUBSCHEMA_MAPS } = SUBSCHEMA_KEYWORDS;

export function listExamples(doc: JsonObject): ExampleSite[] {
  const sites: ExampleSite[] = [];

  const schemaExamples = (schema: JsonValue, pointer: string): void => {
    if (!isObject(schema)) return;
    if (schema.example !== undefined) sites.push({ pointer: `${pointer}/example`, schemaPointer: pointer, view: "document", value: schema.example });
    if (Array.isArray(schema.examples)) schema.examples.forEach((value, i) => sites.push({ pointer: `${pointer}/examples/${i}`, schemaPointer: pointer, view: "document", value }));
    if (schema.default !== undefined) sites.push({ pointer: `${pointer}/default`, schemaPointer: pointer, view: "document", value: schema.default });
    for (const key of SUBSCHEMA_SINGLE) if (schema[key] !== undefined) schemaExamples(schema[key] ?? null, joinPointer(pointer, key));
    for (const key of SUBSCHEMA_LISTS) {
      const list = schema[key];
      if (Array.isArray(list)) list.forEach((s, i) => schemaExamples(s, joinPointer(pointer, key, i)));
    }
    for (const key of SUBSCHEMA_MAPS) {
      const map = schema[key];
      if (isObject(map)) for (const [name, s] of Object.entries(map)) schemaExamples(s, joinPointer(pointer, key, name));
    }
  };

  /** A parameter, header or media type object: its own examples against its `schema`. */
  const examplesHolder = (node: JsonObject, pointer: string, view: View): void => {
    if (node.schema === undefined) return;
    const schemaPointer = joinPointer(pointer, "schema");
    if (!isObject(node.schema) || node.schema.$ref === undefined) schemaExamples(node.schema, schemaPointer);
    if (node.example !== undefined) sites.push({ pointer: joinPointer(pointer, "example"), schemaPointer, view, value: node.example });
    if (isObject(node.examples)) {
      for (const [name, raw] of Object.entries(node.examples)) {
        const example = resolveObject(doc, raw, joinPointer(pointer, "examples", name));
        if (example.value.value !== undefined) sites.push({ pointer: joinPointer(example.pointer, "value"), schemaPointer, view, value: example.value.value });
      }
    }
    if (isObject(node.content)) content(node.content, joinPointer(pointer, "content"), view);
  };

  const content = (map: JsonObject, pointer: string, view: View): void => {
    for (const [mediaType, media] of Object.entries(map)) if (isObject(media)) examplesHolder(media, joinPointer(pointer, mediaType), view);
  };

  /** Objects given by $ref are skipped here: their target is visited under components. */
  const inline = (node: JsonValue | undefined): node is JsonObject => isObject(node) && node.$ref === undefined;

  const parameters = (list: JsonValue | undefined, pointer: string): void => {
    if (Array.isArray(list)) list.forEach((p, i) => inline(p) && examplesHolder(p, joinPointer(pointer, i), "request"));
  };
  const response = (node: JsonObject, pointer: string): void => {
    if (isObject(node.headers)) for (const [name, h] of Object.entries(node.headers)) if (inline(h)) examplesHolder(h, joinPointer(pointer, "headers", name), "response");
    if (isObject(node.content)) content(node.content, joinPointer(pointer, "content"), "response-forbid");
  };
  const pathItem = (item: JsonValue, pointer: string): void => {
    if (!inline(item)) return;
    parameters(item.parameters, joinPointer(pointer, "parameters"));
    for (const method of HTTP_METHODS) {
      const op = item[method];
      if (!isObject(op)) continue;
      const at = joinPointer(pointer, method);
      parameters(op.parameters, joinPointer(at, "parameters"));
      if (inline(op.requestBody) && isObject(op.requestBody.content)) content(op.requestBody.content, joinPointer(at, "requestBody", "content"), "request-forbid");
      if (isObject(op.responses)) for (const [code, r] of Object.entries(op.responses)) if (inline(r)) response(r, joinPointer(at, "responses", code));
    }
  };

  for (const section of ["paths", "webhooks"]) {
    const items = doc[section];
    if (isObject(items)) for (const [key, item] of Object.entries(items)) pathItem(item, joinPointer(`#/${section}`, key));
  }
  const components = isObject(doc.components) ? doc.components : {};
  const each = (section: string, visit: (node: JsonObject, pointer: string) => void): void => {
    const entries = components[section];
    if (isObject(entries)) for (const [name, node] of Object.entries(entries)) if (inline(node)) visit(node, joinPointer("#/components", section, name));
  };
  each("schemas", (schema, pointer) => schemaExamples(schema, pointer));
  each("parameters", (p, pointer) => examplesHolder(p, pointer, "request"));
  each("headers", (h, pointer) => examplesHolder(h, pointer, "response"));
  each("requestBodies", (b, pointer) => isObject(b.content) && content(b.content, joinPointer(pointer, "content"), "request-forbid"));
  each("responses", (r, pointer) => response(r, pointer));
  each("pathItems", (item, pointer) => pathItem(item, pointer));
  return sites;
}
