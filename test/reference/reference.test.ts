/**
 * The document against the Atlas reference pages, fact by fact: every operation, parameter, body
 * field and response on the pages must be in the document with the same type, format, required
 * flag, pattern, enum, default, limits, description, link and examples — and the document must
 * not carry fields the pages do not show, except the ones listed in EXTRA_FIELDS with a reason.
 */
import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { valueAtPointer } from "../../src/openapi/document.js";
import { pageOperationKeys, readReferencePages, type PageField, type PageOperation } from "./pages.js";

type Json = any;

const bundlePath = new URL("../../generated/openapi.json", import.meta.url);
if (!existsSync(bundlePath)) throw new Error("generated/openapi.json is missing: run `npm run build` (or `npm run bundle`) first");
const doc: Json = JSON.parse(readFileSync(bundlePath, "utf8"));
const pages = readReferencePages(new URL("../fixtures/reference/", import.meta.url));

/** Fields the document carries that the pages do not list, each for a reason the issue records. */
const EXTRA_FIELDS: Record<string, string> = {
  links: "read-only response field shown in the create-project and streams examples",
};

/**
 * Page defaults the document states in the field's description instead of a schema `default`,
 * each for a reason the deviations table of docs/conventions.md records.
 */
const DEFAULTS_IN_DESCRIPTION: Record<string, string> = {
  regionUsageRestrictions: "generators that fill in defaults would send it in every request; Commercial Atlas rejects the field",
};

/**
 * Responses every operation declares that the pages do not show: the protocol a client must speak
 * (docs/conventions.md, "added: not on the pages"), each one shared component.
 */
const ADDED_RESPONSES: Record<string, string> = {
  "406": "notAcceptable",
  "429": "tooManyRequests",
};

/** Example values that break the page's own schema, replaced by values that validate. */
const EXAMPLE_SUBSTITUTIONS: Record<string, string> = {
  identityProviderId: 'the page shows "string" where a 20-hex id is required',
};

function deref(node: Json): Json {
  let n = node;
  while (n && typeof n === "object" && typeof n.$ref === "string") {
    const ref: string = n.$ref;
    if (!ref.startsWith("#/")) throw new Error(`unexpected external $ref ${ref}`);
    const target = valueAtPointer(doc, ref);
    if (target === undefined) throw new Error(`dangling $ref ${ref}`);
    const { $ref: _ref, ...siblings } = n;
    n = { ...target, ...siblings };
  }
  return n;
}

/** Flattens allOf into one object schema (properties and required merged). */
function flatten(schema: Json): Json {
  const s = deref(schema);
  if (!s.allOf) return s;
  const parts = s.allOf.map(flatten);
  return {
    ...Object.assign({}, ...parts, s),
    allOf: undefined,
    // A property restated in several members is the union of its keywords (validation stays in one member).
    properties: [...parts, s].reduce((all: Json, p: Json) => {
      for (const [k, v] of Object.entries<Json>(p.properties ?? {})) all[k] = all[k] && !v.$ref && !all[k].$ref ? { ...all[k], ...v } : v;
      return all;
    }, {}),
    required: [...new Set([...parts.flatMap((p: Json) => p.required ?? []), ...(s.required ?? [])])],
  };
}

/** Text as the page renders it: no Markdown emphasis or code marks, single spaces. */
function plain(text: string | undefined): string {
  return (text ?? "")
    .replace(/\*\*|`/g, "")
    .replace(/\s+/g, " ")
    .trim();
}

function expectParagraphs(where: string, paragraphs: string[], ...descriptions: (string | undefined)[]): void {
  const haystack = descriptions.map(plain).join(" ");
  for (const p of paragraphs) {
    expect(haystack.includes(plain(p.replace(/^- /, ""))), `${where}: description lacks the page's text "${p}"`).toBe(true);
  }
}

function expectLinks(where: string, links: string[], ...holders: Json[]): void {
  for (const title of links) {
    const docs = holders.map((h) => h?.externalDocs).find((d) => d?.description === title);
    expect(docs, `${where}: the page links "${title}" but the document has no externalDocs with that description`).toBeDefined();
    expect(docs.url, `${where}: externalDocs "${title}" needs an https URL`).toMatch(/^https:\/\//);
  }
}

function coerce(value: string, type: string): unknown {
  if (type === "boolean") return value === "true";
  if (type === "integer" || type === "number") return Number(value);
  return value;
}

/** One page field against one document schema; `context` decides how readOnly fields count. */
function compareField(where: string, field: PageField, holder: Json, schemaIn: Json, required: boolean, context: "request" | "response"): void {
  const schema = flatten(schemaIn);
  expect(schema, `${where}: missing from the document`).toBeDefined();
  const where2 = `${where} (${field.type}${field.format ? `(${field.format})` : ""}${field.items ? `[${field.items}]` : ""})`;
  expect(schema.type, `${where2}: type`).toBe(field.type);
  if (field.format) expect(schema.format, `${where2}: format`).toBe(field.format);
  else expect(schema.format, `${where2}: the page shows no format`).toBeUndefined();
  expect(required, `${where2}: required flag`).toBe(field.required || (field.discriminator && context === "response"));

  const items = field.type === "array" ? flatten(schema.items) : undefined;
  if (field.items) expect(items?.type, `${where2}: items type`).toBe(field.items);
  const valueSchema = items && field.items !== "object" ? items : schema;
  expect(valueSchema.pattern, `${where2}: pattern`).toBe(field.pattern);
  expect(valueSchema.enum, `${where2}: enum`).toEqual(field.enum?.map((v) => coerce(v, valueSchema.type)));
  if (field.default !== undefined && DEFAULTS_IN_DESCRIPTION[field.name]) {
    expect(valueSchema.default, `${where2}: the default belongs in the description (${DEFAULTS_IN_DESCRIPTION[field.name]})`).toBeUndefined();
    expectParagraphs(where2, [`Default value is ${field.default}`], holder?.description, schema.description);
  } else {
    expect(valueSchema.default, `${where2}: default`).toEqual(field.default === undefined ? undefined : coerce(field.default, valueSchema.type));
  }
  expect(valueSchema.minLength, `${where2}: minLength`).toBe(field.minLength);
  expect(valueSchema.maxLength, `${where2}: maxLength`).toBe(field.maxLength);
  expect(valueSchema.minimum, `${where2}: minimum`).toBe(field.minimum);
  expect(valueSchema.maximum, `${where2}: maximum`).toBe(field.maximum);
  expectParagraphs(where2, field.paragraphs, holder?.description, schema.description, items?.description);
  expectLinks(where2, field.links, holder, schema, items);

  const objectSchema = field.type === "object" ? schema : field.items === "object" ? items : undefined;
  if (objectSchema) compareObject(where, field.children, objectSchema, context);
}

/** The page's fields of one object against the document's properties, both ways. */
function compareObject(where: string, fields: PageField[], schemaIn: Json, context: "request" | "response"): void {
  let schema = flatten(schemaIn);
  if (schema.oneOf) {
    // The page renders the first member of a oneOf; pick it by its discriminator value.
    const disc = fields.find((f) => f.discriminator);
    expect(disc, `${where}: oneOf without a discriminator field on the page`).toBeDefined();
    expect(schema.discriminator?.propertyName, `${where}: discriminator`).toBe(disc!.name);
    schema = schema.oneOf.map(flatten).find((m: Json) => m.properties?.[disc!.name]?.enum?.includes(disc!.enum?.[0]));
    expect(schema, `${where}: no oneOf member for ${disc!.name}=${disc!.enum?.[0]}`).toBeDefined();
  }
  const properties: Record<string, Json> = schema.properties ?? {};
  const requiredList: string[] = schema.required ?? [];
  for (const field of fields) {
    const prop = properties[field.name];
    expect(prop, `${where}.${field.name}: on the page but not in the document`).toBeDefined();
    const readOnly = deref(prop).readOnly === true;
    // In a request a readOnly field is never required (OAS 3.0 semantics the document states).
    const required = requiredList.includes(field.name) && !(context === "request" && readOnly);
    compareField(`${where}.${field.name}`, field, prop, prop, required, context);
  }
  const onPage = new Set(fields.map((f) => f.name));
  for (const [name, prop] of Object.entries(properties)) {
    if (onPage.has(name) || EXTRA_FIELDS[name]) continue;
    // A request shows only what a client sends: the server-assigned readOnly fields are absent.
    if (context === "request" && deref(prop).readOnly) continue;
    throw new Error(`${where}.${name}: in the document but not on the page`);
  }
}

/** Differences between a page example and a document example, as JSON paths. */
function differences(a: Json, b: Json, path = "$"): string[] {
  if (typeof a !== "object" || a === null || typeof b !== "object" || b === null) return Object.is(a, b) ? [] : [path];
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].flatMap((k) => differences(a[k], b[k], `${path}.${k}`));
}

function expectExample(where: string, pageValue: Json, mediaType: Json): void {
  const values = [...Object.values<Json>(mediaType?.examples ?? {}).map((e) => deref(e).value), ...(mediaType?.example !== undefined ? [mediaType.example] : [])];
  const allowed = (p: string) => Object.keys(EXAMPLE_SUBSTITUTIONS).includes(p.split(".").pop()!);
  const match = values.find((v) => differences(pageValue, v).every(allowed));
  expect(match, `${where}: the page's example is not in the document (closest differs at ${values.map((v) => differences(pageValue, v).join(",")).join(" | ")})`).toBeDefined();
}

function operationOf(page: PageOperation): Json {
  return doc.paths?.[page.path]?.[page.method.toLowerCase()];
}

describe("the document transcribes every reference page", () => {
  it("has exactly the operations of the pages", () => {
    const inDoc = Object.entries<Json>(doc.paths).flatMap(([path, item]) =>
      Object.keys(item)
        .filter((m) => ["get", "put", "post", "patch", "delete"].includes(m))
        .map((m) => `${m.toUpperCase()} ${path}`),
    );
    expect(inDoc.sort()).toEqual(pages.map((p) => `${p.method} ${p.path}`).sort());
    // The parser found each operation the pages name, once.
    expect(pages.map((p) => `${p.method} ${p.path}`).sort()).toEqual(pageOperationKeys());
  });

  describe.each(pages.map((p) => [`${p.method} ${p.path}`, p] as const))("%s", (name, page) => {
    const op = operationOf(page);

    it("has the page's title as summary, its text as description, its links", () => {
      expect(op, `${name}: missing`).toBeDefined();
      expect(op.summary).toBe(page.title);
      expectParagraphs(name, page.paragraphs, op.description);
      expectLinks(name, page.links, op);
    });

    it("has every parameter with its location, type, required flag, pattern, default, enum and text", () => {
      const params = (op.parameters ?? []).map(deref);
      for (const [location, fields] of [["path", page.pathParams], ["query", page.queryParams]] as const) {
        const inDoc = params.filter((p: Json) => p.in === location).map((p: Json) => p.name).sort();
        expect(inDoc, `${name}: ${location} parameters`).toEqual(fields.map((f) => f.name).sort());
        for (const field of fields) {
          const param = params.find((p: Json) => p.in === location && p.name === field.name);
          compareField(`${name} ${location} parameter ${field.name}`, field, param, param.schema, param.required === true, "request");
        }
      }
    });

    it("has the request body with its media type, required flag, text and every field", () => {
      if (!page.body) {
        expect(op.requestBody, `${name}: the page shows no body`).toBeUndefined();
        return;
      }
      const body = deref(op.requestBody);
      expect(body.required, `${name}: body required`).toBe(page.body.required);
      expect(Object.keys(body.content), `${name}: body media types`).toEqual([page.body.mediaType]);
      expectParagraphs(`${name} body`, page.body.paragraphs, body.description);
      const media = body.content[page.body.mediaType];
      compareObject(`${name} body`, page.body.fields, media.schema, "request");
      for (const example of page.requestExamples) expectExample(`${name} request example`, example, media);
    });

    it("has every response code with its media type, text, fields and examples", () => {
      expect(Object.keys(op.responses).sort(), `${name}: response codes`).toEqual([...page.responses.map((r) => r.code), ...Object.keys(ADDED_RESPONSES)].sort());
      for (const [code, component] of Object.entries(ADDED_RESPONSES)) {
        expect(op.responses[code], `${name} ${code}: the shared component`).toEqual({ $ref: `#/components/responses/${component}` });
      }
      for (const r of page.responses) {
        const response = deref(op.responses[r.code]);
        const where = `${name} ${r.code}`;
        const mediaTypes = Object.keys(response.content ?? {});
        expect(mediaTypes, `${where}: media types`).toHaveLength(1);
        // The backup compliance page shows no media type; its current version is 2023-10-01.
        expect(mediaTypes[0], `${where}: media type`).toBe(r.mediaType ?? "application/vnd.atlas.2023-10-01+json");
        expect(plain(response.description), `${where}: description`).toBe(plain(r.paragraphs[0] ?? "OK"));
        const media = response.content[mediaTypes[0]!];
        if (r.fields.length === 0) {
          expect(media.schema, `${where}: the page shows no body`).toBeUndefined();
        } else {
          expectParagraphs(where, r.paragraphs.slice(1), flatten(media.schema).description);
          compareObject(where, r.fields, media.schema, "response");
        }
        for (const example of page.responseExamples[r.code] ?? []) expectExample(`${where} example`, example, media);
      }
    });
  });
});
