// The request/response views of scripts/openapi/schema-views.js, shared by the contract tests, the example
// tests and the Spectral rule atlas-examples-valid: OAS 3.0 readOnly/writeOnly semantics on a 3.1 document.
// (Folds in the tests of the former .spectral/functions/lib/schemaDirection.js.)
import { describe, expect, it } from "vitest";
import { documentView, hiddenPropertyNames, isHiddenProperty, schemaView, SUBSCHEMA_KEYWORDS, type Json, type JsonMap } from "../../scripts/openapi/schema-views.js";

// Shaped like openapi/components/schemas: a request schema with readOnly fields, a response schema
// that requires them through allOf, a $ref'd readOnly array (directly and through a chain of $refs),
// a writeOnly secret.
function sampleDocument(): Json {
  return {
    components: {
      schemas: {
        Links: { type: "array", readOnly: true, items: { type: "string" } },
        LinksAlias: { $ref: "#/components/schemas/Links" },
        Config: {
          type: "object",
          required: ["name", "orgId", "links", "moreLinks", "secret"],
          properties: {
            name: { type: "string" },
            orgId: { type: "string", readOnly: true },
            links: { $ref: "#/components/schemas/Links" },
            moreLinks: { $ref: "#/components/schemas/LinksAlias" },
            secret: { type: "string", writeOnly: true },
          },
        },
        ConfigResponse: {
          type: "object",
          allOf: [{ $ref: "#/components/schemas/Config" }],
          required: ["name", "orgId"],
        },
      },
    },
  };
}

const isMap = (value: Json | undefined): value is JsonMap => typeof value === "object" && value !== null && !Array.isArray(value);
const schemaOf = (doc: Json, name: string): JsonMap => {
  const components = isMap(doc) ? doc.components : undefined;
  const schemas = isMap(components) ? components.schemas : undefined;
  const schema = isMap(schemas) ? schemas[name] : undefined;
  if (!isMap(schema)) throw new Error(`no schema ${name}`);
  return schema;
};
const requiredOf = (doc: Json, name: string) => schemaOf(doc, name).required;
const propertyNames = (doc: Json, name: string) => Object.keys(schemaOf(doc, name).properties ?? {});
/** A shared component of unknown direction: neither readOnly nor writeOnly fields are required. */
const eitherView = (doc: Json) => documentView(documentView(doc, "response", "drop"), "request", "drop");

describe("documentView", () => {
  it("request: drops readOnly properties, own, on a $ref target, at the end of a $ref chain or through allOf", () => {
    const doc = documentView(sampleDocument(), "request");
    expect(requiredOf(doc, "Config")).toEqual(["name", "secret"]);
    expect(propertyNames(doc, "Config")).toEqual(["name", "secret"]);
    expect(requiredOf(doc, "ConfigResponse")).toEqual(["name"]);
  });

  it("response: keeps readOnly properties (orgId stays required) and drops writeOnly ones", () => {
    const doc = documentView(sampleDocument(), "response");
    expect(requiredOf(doc, "Config")).toEqual(["name", "orgId", "links", "moreLinks"]);
    expect(propertyNames(doc, "Config")).toEqual(["name", "orgId", "links", "moreLinks"]);
    expect(requiredOf(doc, "ConfigResponse")).toEqual(["name", "orgId"]);
  });

  it("either (request view on the response view): drops both", () => {
    const doc = eitherView(sampleDocument());
    expect(requiredOf(doc, "Config")).toEqual(["name"]);
    expect(propertyNames(doc, "Config")).toEqual(["name"]);
    expect(requiredOf(doc, "ConfigResponse")).toEqual(["name"]);
  });

  it('forbid: a hidden property becomes the false schema, so carrying it fails, and is not required', () => {
    const request = documentView(sampleDocument(), "request", "forbid");
    expect(schemaOf(request, "Config").properties).toEqual({ name: { type: "string" }, orgId: false, links: false, moreLinks: false, secret: { type: "string", writeOnly: true } });
    expect(requiredOf(request, "Config")).toEqual(["name", "secret"]);
    const response = documentView(sampleDocument(), "response", "forbid");
    expect(schemaOf(response, "Config").properties).toMatchObject({ secret: false });
    expect(requiredOf(response, "Config")).toEqual(["name", "orgId", "links", "moreLinks"]);
  });

  it("rewrites schemas wherever the document holds them: media types, parameters, headers, nested subschemas", () => {
    const property = { type: "object", required: ["id", "note"], properties: { id: { type: "string", readOnly: true }, note: { type: "string" } } };
    const doc = {
      paths: {
        "/things": {
          parameters: [{ name: "filter", in: "query", content: { "application/json": { schema: property } } }],
          post: {
            requestBody: { content: { "application/json": { schema: { type: "array", items: property } } } },
            responses: { "200": { headers: { "X-Thing": { schema: property } }, content: { "application/json": { schema: { allOf: [property] } } } } },
          },
        },
      },
    };
    const view = documentView(doc, "request");
    const expected = { type: "object", required: ["note"], properties: { note: { type: "string" } } };
    const post = view.paths["/things"].post;
    expect(view.paths["/things"].parameters[0]?.content["application/json"].schema).toEqual(expected);
    expect(post.requestBody.content["application/json"].schema.items).toEqual(expected);
    expect(post.responses["200"].headers["X-Thing"].schema).toEqual(expected);
    expect(post.responses["200"].content["application/json"].schema.allOf[0]).toEqual(expected);
  });

  it("returns a copy and leaves its input alone", () => {
    const input = sampleDocument();
    const output = documentView(input, "request", "forbid");
    expect(output).not.toBe(input);
    expect(input).toEqual(sampleDocument());
  });

  it("rejects an unknown direction or hidden handling by name", () => {
    expect(() => documentView(sampleDocument(), "sideways" as never)).toThrow(/direction must be .* not "sideways"/);
    expect(() => documentView(sampleDocument(), "request", "hide" as never)).toThrow(/hidden must be .* not "hide"/);
    expect(() => schemaView(sampleDocument(), {}, "either" as never)).toThrow(/direction must be .* not "either"/);
  });
});

describe("hiddenPropertyNames and isHiddenProperty", () => {
  it("collects flagged properties through allOf and $ref parents, once per schema even in a $ref cycle", () => {
    const doc = sampleDocument();
    expect([...hiddenPropertyNames(doc, schemaOf(doc, "ConfigResponse"), "request")].sort()).toEqual(["links", "moreLinks", "orgId"]);
    expect([...hiddenPropertyNames(doc, { $ref: "#/components/schemas/Config" }, "response")]).toEqual(["secret"]);
    const cyclic = { components: { schemas: { A: { allOf: [{ $ref: "#/components/schemas/A" }], properties: { x: { readOnly: true } } } } } };
    expect([...hiddenPropertyNames(cyclic, cyclic.components.schemas.A, "request")]).toEqual(["x"]);
  });

  it("reads the flag on the property, beside its $ref, or on the $ref target; a $ref cycle is not hidden", () => {
    const doc = sampleDocument();
    expect(isHiddenProperty(doc, { type: "string", readOnly: true }, "request")).toBe(true);
    expect(isHiddenProperty(doc, { $ref: "#/components/schemas/Config", readOnly: true }, "request")).toBe(true);
    expect(isHiddenProperty(doc, { $ref: "#/components/schemas/LinksAlias" }, "request")).toBe(true);
    expect(isHiddenProperty(doc, { $ref: "#/components/schemas/LinksAlias" }, "response")).toBe(false);
    expect(isHiddenProperty(doc, { type: "string", readOnly: false }, "request")).toBe(false);
    const loop = { components: { schemas: { Loop: { $ref: "#/components/schemas/Loop" } } } };
    expect(isHiddenProperty(loop, { $ref: "#/components/schemas/Loop" }, "request")).toBe(false);
  });
});

describe("SUBSCHEMA_KEYWORDS", () => {
  it("names every JSON Schema 2020-12 keyword that holds subschemas (and definitions), and schemaView descends into each", () => {
    expect([...SUBSCHEMA_KEYWORDS.single, ...SUBSCHEMA_KEYWORDS.lists, ...SUBSCHEMA_KEYWORDS.maps].sort()).toEqual(
      ["$defs", "additionalProperties", "allOf", "anyOf", "contains", "contentSchema", "definitions", "dependentSchemas", "else", "if", "items", "not", "oneOf", "patternProperties", "prefixItems", "properties", "propertyNames", "then", "unevaluatedItems", "unevaluatedProperties"],
    );
    const nested = { properties: { id: { type: "string", readOnly: true } }, required: ["id"] };
    const expected = { properties: {}, required: [] };
    for (const key of SUBSCHEMA_KEYWORDS.single) {
      expect(schemaView({}, { [key]: nested }, "request"), key).toEqual({ [key]: expected });
    }
    for (const key of SUBSCHEMA_KEYWORDS.lists) {
      expect(schemaView({}, { [key]: [nested] }, "request"), key).toEqual({ [key]: [expected] });
    }
    for (const key of SUBSCHEMA_KEYWORDS.maps) {
      // `properties` holds properties, so `sub` is itself a property: readOnly would hide it here.
      expect(schemaView({}, { [key]: { sub: nested } }, "request"), key).toEqual({ [key]: { sub: expected } });
    }
  });
});
