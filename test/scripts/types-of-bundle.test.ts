/**
 * The build makes generated/atlas.d.ts with typesOfBundle (scripts/generate/generate-types.ts): openapi-typescript's
 * transform, without the Redocly lint and bundle openapiTS runs first on a document the build has already
 * linted and bundled. The text must be what openapiTS itself gives, with the same options.
 */
import openapiTS, { astToString } from "openapi-typescript";
import { describe, expect, it } from "vitest";
import { TYPES_OPTIONS, typesOfBundle } from "../../scripts/generate/generate-types.js";
import { readBundledDocument } from "../support/bundled-document.js";

describe("typesOfBundle", () => {
  it("gives openapiTS's text for the bundled document", async () => {
    const document = readBundledDocument();
    const before = JSON.stringify(document);
    const expected = astToString(await openapiTS(structuredClone(document) as never, TYPES_OPTIONS));
    const actual = await typesOfBundle(document);
    expect(actual.length).toBeGreaterThan(20_000);
    expect(actual).toBe(expected);
    expect(JSON.stringify(document)).toBe(before); // the caller's document is not changed
  }, 60_000);

  it("gives openapiTS's text where the transforms differ: discriminators, read/write markers, nullable composition", async () => {
    const document = {
      openapi: "3.1.0",
      info: { title: "t", version: "1" },
      paths: {
        "/pets/{id}": {
          get: {
            operationId: "getPet",
            parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }],
            responses: { "200": { description: "OK", content: { "application/json": { schema: { $ref: "#/components/schemas/Pet" } } } } },
          },
        },
      },
      components: {
        schemas: {
          Pet: { oneOf: [{ $ref: "#/components/schemas/Cat" }, { $ref: "#/components/schemas/Dog" }], discriminator: { propertyName: "kind", mapping: { cat: "#/components/schemas/Cat", dog: "#/components/schemas/Dog" } } },
          Base: { type: "object", required: ["kind", "id"], properties: { kind: { type: "string" }, id: { type: "string", readOnly: true }, secret: { type: "string", writeOnly: true } } },
          Cat: { allOf: [{ $ref: "#/components/schemas/Base" }, { type: "object", properties: { meow: { type: ["boolean", "null"] } } }] },
          Dog: { allOf: [{ $ref: "#/components/schemas/Base" }, { type: "object", properties: { bark: { type: "integer", default: 1 } } }] },
        },
      },
    };
    expect(await typesOfBundle(document)).toBe(astToString(await openapiTS(structuredClone(document) as never, TYPES_OPTIONS)));
  });
});
