/**
 * scripts/generate/response-validators.ts: the committed generated/response-validators.js (and .d.ts) is what
 * the generator makes of generated/openapi.json, the output is a self-contained ES module that compiles
 * nothing at run time, and the generator applies the response view, Unicode patterns and closed objects
 * (tested on a small document of its own, since the real one closes no object).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { responseValidators as Table } from "../../generated/response-validators.js";
import { generateResponseValidators } from "../../scripts/generate/response-validators.js";
import { checkResponse } from "../../src/validate/check-response.js";
import { readBundledDocument } from "../support/bundled-document.js";

const committed = readFileSync(new URL("../../generated/response-validators.js", import.meta.url), "utf8");
const committedTypes = readFileSync(new URL("../../generated/response-validators.d.ts", import.meta.url), "utf8");

describe("generated/response-validators.js", () => {
  test("is current: the generator's output for generated/openapi.json, the same on every run", async () => {
    const doc = readBundledDocument();
    const first = await generateResponseValidators(doc);
    expect(await generateResponseValidators(doc)).toEqual(first);
    expect(first.js === committed, "generated/response-validators.js is stale: run npm run generate").toBe(true);
    expect(first.dts === committedTypes, "generated/response-validators.d.ts is stale: run npm run generate").toBe(true);
  });

  test("defines each schema's validator once, however many responses use it", async () => {
    const table = (await generateResponseValidators(readBundledDocument())).js;
    // Every error response of every operation uses ApiError: one function, referenced from each.
    const apiError = [...table.matchAll(/validate: (validate\d+), schema: "#\/components\/schemas\/ApiError"/g)].map((match) => match[1]);
    expect(apiError.length).toBeGreaterThan(6);
    expect(new Set(apiError).size).toBe(1);
    expect(table.match(new RegExp(`function ${apiError[0]}\\(`, "g"))).toHaveLength(1);
  });

  test("imports nothing and compiles nothing at run time", () => {
    expect(committed).not.toMatch(/^\s*import\s/m);
    expect(committed).not.toMatch(/(^|[^"'\w.])require\(/m);
    expect(committed).not.toMatch(/new Function|\beval\(/);
  });
});

const TINY = {
  openapi: "3.1.0",
  info: { title: "tiny", version: "1" },
  paths: {
    "/things/{id}": {
      get: {
        operationId: "getThing",
        responses: {
          "200": { description: "ok", content: { "application/vnd.atlas.2023-01-01+json": { schema: { $ref: "#/components/schemas/Thing" } } } },
          "4XX": { description: "error", content: { "application/json": { schema: { type: "object", required: ["error"], properties: { error: { type: "integer" } } } } } },
        },
      },
    },
  },
  components: {
    schemas: {
      Thing: {
        type: "object",
        description: "A closed object.",
        additionalProperties: false,
        required: ["name", "secret"],
        properties: {
          name: { type: "string", pattern: "^[\\p{L}]{1,8}$", example: "Café" },
          secret: { type: "string", writeOnly: true, description: "Sent, never returned." },
          inner: { type: "object", unevaluatedProperties: false, properties: { ok: { type: "boolean" } } },
        },
      },
    },
  },
};

describe("the generator on a small document", () => {
  let dir: string;
  let table: typeof Table;
  const check = (status: number, contentType: string, body: unknown) =>
    checkResponse(table, { method: "GET", path: "/things/{id}", status, contentType, body }, 40);

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "atlas-validators-"));
    const file = join(dir, "response-validators.js");
    writeFileSync(file, (await generateResponseValidators(TINY)).js);
    table = ((await import(pathToFileURL(file).href)) as { responseValidators: typeof Table }).responseValidators;
  });
  afterAll(() => dir && rmSync(dir, { recursive: true, force: true }));

  test("maps operation, status and media type to the schema's place in the document", () => {
    expect(table["GET /things/{id}"]?.operationId).toBe("getThing");
    expect(table["GET /things/{id}"]?.responses["200"]?.["application/vnd.atlas.2023-01-01+json"]?.schema).toBe("#/components/schemas/Thing");
  });

  test("uses the response view: a writeOnly property is not required in a response", () => {
    expect(check(200, "application/vnd.atlas.2023-01-01+json", { name: "Café" })).toBeUndefined();
  });

  test("compiles patterns in Unicode mode", () => {
    expect(check(200, "application/vnd.atlas.2023-01-01+json", { name: "Ωmega" })).toBeUndefined();
    expect(check(200, "application/vnd.atlas.2023-01-01+json", { name: "a b" })?.mismatches).toEqual([
      expect.objectContaining({ pointer: "/name", keyword: "pattern" }),
    ]);
  });

  test("reports an extra property of a closed object at the property's pointer", () => {
    expect(check(200, "application/vnd.atlas.2023-01-01+json", { name: "Café", extra: [1, 2] })?.mismatches).toEqual([
      { pointer: "/extra", keyword: "additionalProperties", expected: 'no property "extra"', received: "array (2 items)" },
    ]);
    expect(check(200, "application/vnd.atlas.2023-01-01+json", { name: "Café", inner: { ok: true, more: 1 } })?.mismatches).toEqual([
      { pointer: "/inner/more", keyword: "unevaluatedProperties", expected: 'no property "more"', received: "integer 1" },
    ]);
  });

  test("matches a status against a range such as 4XX", () => {
    expect(check(404, "application/json", { error: 404 })).toBeUndefined();
    expect(check(409, "application/json", { error: "409" })?.mismatches).toEqual([expect.objectContaining({ pointer: "/error", keyword: "type" })]);
    expect(check(500, "application/json", { error: 500 })?.mismatches).toEqual([{ pointer: "", keyword: "status", expected: "one of 200, 4XX", received: "500" }]);
  });
});
