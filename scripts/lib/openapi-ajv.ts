/**
 * An ajv instance (JSON Schema 2020-12 + ajv-formats, patterns in Unicode mode) that accepts an OpenAPI 3.1
 * document as a schema resource, so `#/components/...` and `#/paths/...` fragments of it can be compiled.
 * Shared by the tests' DocumentValidator and the build-time response validator generator.
 */
import { Ajv2020, type Options } from "ajv/dist/2020.js";
import formatsPlugin from "ajv-formats";

/** OpenAPI keywords a 3.1 schema may carry besides JSON Schema's own. */
const OPENAPI_KEYWORDS = ["discriminator", "example", "externalDocs", "xml"];

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

// ajv-formats is CommonJS; under NodeNext its default export arrives as the module object.
const addFormats = ((formatsPlugin as unknown as { default?: typeof formatsPlugin }).default ?? formatsPlugin) as unknown as (ajv: Ajv2020) => Ajv2020;

function extensionKeys(node: unknown, found = new Set<string>()): Set<string> {
  if (Array.isArray(node)) node.forEach((item) => extensionKeys(item, found));
  else if (typeof node === "object" && node !== null) {
    for (const [key, value] of Object.entries(node)) {
      if (key.startsWith("x-")) found.add(key);
      extensionKeys(value, found);
    }
  }
  return found;
}

/**
 * A strict ajv 2020 instance with formats, Unicode patterns and every error reported, whose vocabulary
 * admits the OpenAPI keywords and `x-` extensions found in `doc` and the document's top-level fields
 * (ajv compiles the root of a document it resolves a fragment in: `openapi`, `info`, `paths`, ... must
 * then be known keywords, annotations without effect). `extra` options are merged over the defaults.
 */
export function createOpenApiAjv(doc: Json | Record<string, unknown>, extra: Options = {}): Ajv2020 {
  const ajv = new Ajv2020({ strict: true, strictTypes: false, strictRequired: false, allErrors: true, unicodeRegExp: true, validateFormats: true, ...extra });
  addFormats(ajv);
  const topLevel = typeof doc === "object" && doc !== null && !Array.isArray(doc) ? Object.keys(doc) : [];
  ajv.addVocabulary([...new Set([...OPENAPI_KEYWORDS, ...extensionKeys(doc), ...topLevel])]);
  return ajv;
}

/** An ajv key for a JSON pointer into a schema resource added as `key`: "#/a/b c" -> "key#/a/b%20c" (ajv reads it as a URI fragment). */
export function ajvRef(key: string, pointer: string): string {
  const fragment = pointer.slice(1).split("/").map((segment) => encodeURIComponent(segment).replaceAll("%7E", "~")).join("/");
  return `${key}#${fragment}`;
}
