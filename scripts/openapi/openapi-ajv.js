// An ajv 2020 instance (ajv-formats, Unicode patterns) that accepts an OpenAPI 3.1 document as a schema resource,
// so `#/components/...` and `#/paths/...` fragments of it compile: the tests, the mock and the response validators.
import { Ajv2020 } from "ajv/dist/2020.js";
import formatsPlugin from "ajv-formats";

/** OpenAPI keywords a 3.1 schema may carry besides JSON Schema's own. */
const OPENAPI_KEYWORDS = ["discriminator", "example", "externalDocs", "xml"];

// ajv-formats is CommonJS; under NodeNext its default export arrives as the module object.
const addFormats = formatsPlugin.default ?? formatsPlugin;

/** The `x-` keys anywhere in a JSON value (JSON.stringify's replacer sees every key). */
function extensionKeys(node) {
  const found = new Set();
  JSON.stringify(node, (key, value) => {
    if (key.startsWith("x-")) found.add(key);
    return value;
  });
  return found;
}

/** @type {import("./openapi-ajv.js").createOpenApiAjv} */
export function createOpenApiAjv(doc, extra = {}) {
  const ajv = new Ajv2020({ strict: true, strictTypes: false, strictRequired: false, allErrors: true, unicodeRegExp: true, validateFormats: true, ...extra });
  addFormats(ajv);
  const topLevel = typeof doc === "object" && doc !== null && !Array.isArray(doc) ? Object.keys(doc) : [];
  ajv.addVocabulary([...new Set([...OPENAPI_KEYWORDS, ...extensionKeys(doc), ...topLevel])]);
  return ajv;
}

/** @type {import("./openapi-ajv.js").ajvRef} */
export function ajvRef(key, pointer) {
  const fragment = pointer.slice(1).split("/").map((segment) => encodeURIComponent(segment).replaceAll("%7E", "~"));
  return `${key}#${fragment.join("/")}`;
}
