/**
 * The bundled 3.1 document and its 3.0.3 companion against the official OpenAPI JSON Schemas
 * (@seriousme/openapi-schema-validator) and @apidevtools/swagger-parser, and the down-conversion's own
 * rules (scripts/bundle/openapi-30.ts). Needs a prior `npm run build`.
 */
import SwaggerParser from "@apidevtools/swagger-parser";
import { Validator } from "@seriousme/openapi-schema-validator";
import { existsSync, readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { parse } from "yaml";
import { BUNDLE_30_JSON, BUNDLE_30_YAML, BUNDLE_JSON } from "../../scripts/common/project-paths.js";
import { toOpenApi30 } from "../../scripts/bundle/openapi-30.js";
import { HTTP_METHODS, isObject, listOperations, type JsonObject } from "../support/bundled-document.js";

function readJson(path: string): JsonObject {
  if (!existsSync(path)) throw new Error(`${path} is missing: run npm run build first`);
  return JSON.parse(readFileSync(path, "utf8")) as JsonObject;
}

const doc31 = readJson(BUNDLE_JSON);
const doc30 = readJson(BUNDLE_30_JSON);

async function officialSchemaVerdict(doc: unknown): Promise<{ valid: boolean; version: string; errors: unknown }> {
  const validator = new Validator();
  const result = await validator.validate(doc as Parameters<Validator["validate"]>[0]);
  return { valid: result.valid, version: validator.version, errors: result.errors };
}

describe("official OpenAPI JSON Schemas", () => {
  test("generated/openapi.json is valid against the OpenAPI 3.1 schema", async () => {
    expect(await officialSchemaVerdict(doc31)).toEqual({ valid: true, version: "3.1", errors: undefined });
  });

  test.each([
    ["generated/openapi-3.0.json", () => doc30],
    ["generated/openapi-3.0.yaml", () => parse(readFileSync(BUNDLE_30_YAML, "utf8")) as unknown],
  ])("%s is valid against the OpenAPI 3.0 schema", async (_name, read) => {
    expect(await officialSchemaVerdict(read())).toEqual({ valid: true, version: "3.0", errors: undefined });
  });

  test("the validator refuses what 3.0 does not have (so the verdicts above can fail)", async () => {
    const verdict = await officialSchemaVerdict({ ...doc30, info: { ...(doc30.info as JsonObject), summary: "3.1 only" } });
    expect(verdict.valid).toBe(false);
    expect(JSON.stringify(verdict.errors)).toContain("summary");
  });
});

describe("@apidevtools/swagger-parser", () => {
  test.each([
    [BUNDLE_JSON, "3.1.0"],
    [BUNDLE_30_JSON, "3.0.3"],
    [BUNDLE_30_YAML, "3.0.3"],
  ])("validates %s", async (path, version) => {
    const api = (await SwaggerParser.validate(path)) as { openapi: string };
    expect(api.openapi).toBe(version);
  });
});

describe("the 3.0 companion", () => {
  test("is what toOpenApi30 makes of generated/openapi.json today (run npm run build when it is not)", () => {
    expect(doc30).toEqual(toOpenApi30(doc31));
    expect(parse(readFileSync(BUNDLE_30_YAML, "utf8"))).toEqual(doc30);
  });

  test("keeps every operation, parameter, request body, response code and media type", () => {
    const shape = (doc: JsonObject) =>
      listOperations(doc).map((op) => ({
        id: op.operationId,
        method: op.method,
        path: op.path,
        parameters: op.parameters.map((p) => ({ name: p.name, in: p.in, required: p.required, examples: p.examples })),
        body: op.requestBody && { required: op.requestBody.required, media: op.requestBody.contents.map((c) => [c.mediaType, [...c.examples]]) },
        responses: op.responses.map((r) => [r.code, r.contents.map((c) => [c.mediaType, c.schemaPointer !== undefined, [...c.examples]])]),
      }));
    expect(shape(doc30)).toEqual(shape(doc31));
  });

  test("keeps a parameter's overridden description (3.0 ignores siblings of $ref, so it is inlined)", () => {
    const overrides = listOperations(doc31).flatMap((op) => {
      const item = (doc31.paths as JsonObject)[op.path] as JsonObject;
      const params = ((item[op.method] as JsonObject).parameters ?? []) as JsonObject[];
      return params.filter((p) => typeof p.$ref === "string" && typeof p.description === "string").map((p) => ({ op, description: p.description }));
    });
    for (const { op, description } of overrides) {
      const params = (((doc30.paths as JsonObject)[op.path] as JsonObject)[op.method] as JsonObject).parameters as JsonObject[];
      expect(params.map((p) => p.description), op.operationId).toContain(description);
    }
  });

  test("renders info.summary as x-summary", () => {
    expect((doc30.info as JsonObject)["x-summary"]).toBe((doc31.info as JsonObject).summary);
  });

  test("has no $ref with siblings in a schema (3.0 would ignore the siblings)", () => {
    const found: string[] = [];
    const walk = (node: unknown, at: string): void => {
      if (Array.isArray(node)) return node.forEach((item, i) => walk(item, `${at}/${i}`));
      if (!isObject(node)) return;
      if (typeof node.$ref === "string" && Object.keys(node).length > 1) found.push(at);
      for (const [key, value] of Object.entries(node)) walk(value, `${at}/${key}`);
    };
    walk(doc30, "#");
    expect(found).toEqual([]);
  });

  test("every path item keeps only 3.0 methods", () => {
    for (const item of Object.values(doc30.paths as JsonObject)) {
      // Extensions (x-xgen-IPA-exception on a path item) are allowed on a 3.0 Path Item too.
      for (const key of Object.keys(item as JsonObject)) if (!key.startsWith("x-")) expect([...HTTP_METHODS, "parameters", "summary", "description", "servers"]).toContain(key);
    }
  });
});

describe("toOpenApi30", () => {
  const minimal = (extra: JsonObject = {}): JsonObject => ({
    openapi: "3.1.0",
    info: { title: "t", version: "1", summary: "s" },
    paths: {},
    components: {
      schemas: {
        Links: { type: "array", items: { type: "string" } },
        Thing: { type: "object", properties: { links: { $ref: "#/components/schemas/Links", readOnly: true }, kind: { const: "A" }, note: { type: ["string", "null"] } } },
      },
      parameters: { id: { name: "id", in: "path", required: true, description: "shared", schema: { type: "string" } } },
    },
    ...extra,
  });

  test("does not modify its input", () => {
    const input = minimal();
    const copy = structuredClone(input);
    toOpenApi30(input);
    expect(input).toEqual(copy);
  });

  test("wraps a schema $ref with siblings in allOf, turns const into enum and type arrays into nullable", () => {
    const thing = ((toOpenApi30(minimal()).components as JsonObject).schemas as JsonObject).Thing as JsonObject;
    expect(thing.properties).toEqual({
      links: { allOf: [{ $ref: "#/components/schemas/Links" }], readOnly: true },
      kind: { enum: ["A"] },
      note: { type: "string", nullable: true },
    });
  });

  test("inlines a parameter $ref that overrides the description", () => {
    const doc = minimal({ paths: { "/x/{id}": { get: { parameters: [{ $ref: "#/components/parameters/id", description: "own" }], responses: { "204": { description: "none" } } } } } });
    const params = (((toOpenApi30(doc).paths as JsonObject)["/x/{id}"] as JsonObject).get as JsonObject).parameters;
    expect(params).toEqual([{ name: "id", in: "path", required: true, description: "own", schema: { type: "string" } }]);
  });

  test("refuses a document that is not 3.1, naming the version", () => {
    expect(() => toOpenApi30({ openapi: "3.0.3" })).toThrow(/expects an OpenAPI 3\.1 document; openapi is "3\.0\.3"/);
  });

  test("refuses a 3.1 keyword with no 3.0 equivalent, naming where it is", () => {
    const doc = minimal();
    ((doc.components as JsonObject).schemas as JsonObject).Tuple = { type: "array", prefixItems: [{ type: "string" }] };
    expect(() => toOpenApi30(doc)).toThrow("#/components/schemas/Tuple/prefixItems: prefixItems has no OpenAPI 3.0 equivalent");
  });

  test.each([
    ["webhooks", (doc: JsonObject) => void (doc.webhooks = { ping: {} }), "#/webhooks"],
    ["license.identifier", (doc: JsonObject) => void (doc.info = { ...(doc.info as JsonObject), license: { name: "MIT", identifier: "MIT" } }), "#/info/license/identifier"],
  ])("refuses %s instead of letting the converter drop it", (_name, change, where) => {
    const doc = minimal();
    change(doc);
    expect(() => toOpenApi30(doc)).toThrow(`${where}: OpenAPI 3.0 has no place for it`);
  });

  test("a property merely named like a keyword is not refused", () => {
    const doc = minimal();
    ((doc.components as JsonObject).schemas as JsonObject).Cond = { type: "object", properties: { if: { type: "string" } } };
    expect(() => toOpenApi30(doc)).not.toThrow();
  });
});
