/**
 * ajv (JSON Schema 2020-12 + formats) compiled from the bundled document, once per view:
 *   "document"  the schemas as written;
 *   "request"   readOnly properties stripped (what a request may carry, as Prism validates it);
 *   "response"  writeOnly properties stripped;
 *   "request-forbid" / "response-forbid"  the same, but carrying a stripped property is an error.
 * Patterns are compiled in Unicode mode (the project name pattern uses \p{L}).
 */
import type { Ajv2020, ErrorObject, ValidateFunction } from "ajv/dist/2020.js";
import { readBundledDocument, type JsonObject } from "./bundled-document.js";
import { ajvRef, createOpenApiAjv } from "../../scripts/openapi/openapi-ajv.js";
import { documentView } from "../../scripts/openapi/schema-views.js";

export type View = "document" | "request" | "response" | "request-forbid" | "response-forbid";

/** "#/a/b c" -> an ajv key ("request.json#/a/b%20c"). */
function refFor(view: View, pointer: string): string {
  return ajvRef(`${view}.json`, pointer);
}

/** "/tags/0/key" under "body" -> "body.tags[0].key"; a missing required property is named too. */
function fieldOf(error: ErrorObject, prefix: string): string {
  const segments = error.instancePath.split("/").slice(1).map((s) => s.replaceAll("~1", "/").replaceAll("~0", "~"));
  if (error.keyword === "required") segments.push(String(error.params.missingProperty));
  return segments.reduce((text, s) => (/^\d+$/.test(s) ? `${text}[${s}]` : text ? `${text}.${s}` : s), prefix) || "(root)";
}

export function describeErrors(errors: ErrorObject[], prefix = ""): string {
  return errors
    .map((e) => {
      const extra = "allowedValues" in e.params ? ` (${(e.params.allowedValues as unknown[]).join(", ")})` : "";
      return `${fieldOf(e, prefix)}: ${e.keyword} ${e.message ?? ""}${extra}`;
    })
    .join("; ");
}

export class DocumentValidator {
  readonly ajv: Ajv2020;
  /** The document as each view sees it (e.g. `views.request` to sample request bodies from). */
  readonly views: Record<View, JsonObject>;

  constructor(readonly doc: JsonObject = readBundledDocument()) {
    this.ajv = createOpenApiAjv(doc);
    const views: Record<View, JsonObject> = (this.views = {
      document: doc,
      request: documentView(doc, "request"),
      response: documentView(doc, "response"),
      "request-forbid": documentView(doc, "request", "forbid"),
      "response-forbid": documentView(doc, "response", "forbid"),
    });
    for (const [view, document] of Object.entries(views)) this.ajv.addSchema(document, `${view}.json`, undefined, false);
  }

  /** The compiled validator for the schema at `pointer` (a JSON pointer into the bundled document). */
  validatorAt(view: View, pointer: string): ValidateFunction {
    const validate = this.ajv.getSchema(refFor(view, pointer));
    if (!validate) throw new Error(`no schema at ${pointer}`);
    return validate;
  }

  /** ajv's errors for `instance` against the schema at `pointer`; empty when valid. */
  errors(view: View, pointer: string, instance: unknown): ErrorObject[] {
    const validate = this.validatorAt(view, pointer);
    return validate(instance) ? [] : [...(validate.errors ?? [])];
  }
}
