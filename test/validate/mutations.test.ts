/**
 * Broken response bodies are reported where they break: from each response example and a maximal body
 * sampled from the schema, test/support/mutations.ts derives every negative case (each required field
 * dropped, each value given a wrong type, each enum/pattern/length/range/format broken, at every depth,
 * in the response view). checkResponse must report each one with the case's keyword at the JSON
 * pointer of the value the case changed.
 *
 * No response schema of the document closes its objects (additionalProperties / unevaluatedProperties
 * false), so an extra property is accepted everywhere: tested here on the real document, and the
 * closed-object report is tested on a small document of its own in generator.test.ts.
 */
import { describe, expect, test } from "vitest";
import { responseValidators } from "../../generated/response-validators.js";
import { checkResponse } from "../../src/validate/check-response.js";
import { listOperations, readBundledDocument, valueAt, type JsonValue, type Schema } from "../support/bundled-document.js";
import { documentView } from "../../scripts/openapi/schema-views.js";
import { PatternPool, sample } from "../support/instances.js";
import { negativeCases } from "../support/mutations.js";
import { formatPath, instancePointer, replaceAt } from "../support/schema-walk.js";

const doc = readBundledDocument();
const responseDoc = documentView(doc, "response");
const pool = PatternPool.fromDocument(doc);

interface BodyCase {
  label: string;
  kind: string;
  method: string;
  path: string;
  status: number;
  mediaType: string;
  body: JsonValue | undefined;
  keyword: string;
  pointer: string;
}

interface Base {
  label: string;
  method: string;
  path: string;
  status: number;
  mediaType: string;
  schema: Schema;
  body: JsonValue;
}

const bases: Base[] = listOperations(doc).flatMap((op) =>
  op.responses.flatMap(({ code, contents }) =>
    contents.flatMap(({ mediaType, schemaPointer, examples }) => {
      if (schemaPointer === undefined) return [];
      const schema = valueAt(responseDoc, schemaPointer) as Schema;
      const at = { method: op.method.toUpperCase(), path: op.path, status: Number(code), mediaType, schema };
      const root = `${op.operationId} ${code}`;
      return [
        ...[...examples].map(([name, body]) => ({ ...at, label: `${root} example ${name}`, body })),
        { ...at, label: `${root} every field`, body: sample(responseDoc, schema, { fill: "all", pool, root }) },
      ];
    }),
  ),
);

const cases: BodyCase[] = bases.flatMap((base) =>
  negativeCases(responseDoc, base.schema, base.body).map((c) => ({
    label: `${base.label}: ${formatPath("body", c.path)} ${c.detail}`,
    kind: c.kind,
    method: base.method,
    path: base.path,
    status: base.status,
    mediaType: base.mediaType,
    body: c.instance,
    keyword: c.keyword!,
    // A dropped required property or an unknown one is reported at its own pointer, everything else at the changed value.
    pointer: instancePointer(c.path),
  })),
);

describe("mutated response bodies are reported with the right pointer and keyword", () => {
  test("the cases cover wrong types, missing required fields and unknown enum values", () => {
    const kinds = new Set(cases.map((c) => c.kind));
    for (const kind of ["type", "required", "enum", "pattern", "format"]) expect(kinds).toContain(kind);
  });

  test.each(cases)("$label", ({ method, path, status, mediaType, body, keyword, pointer }) => {
    const report = checkResponse(responseValidators, { method, path, status, contentType: mediaType, body }, 40);
    expect(report, "the broken body passed validation").toBeDefined();
    expect(report!.mismatches).toContainEqual(expect.objectContaining({ pointer, keyword }));
    expect(report).toMatchObject({ method, path, status, mediaType });
  });
});

describe("extra properties", () => {
  test("no response schema of the document forbids additional properties", () => {
    const closing = JSON.stringify(responseDoc).match(/"(additionalProperties|unevaluatedProperties)":false/g);
    expect(closing).toBeNull();
  });

  test.each(bases)("$label with an extra property at the top is accepted", ({ method, path, status, mediaType, body }) => {
    const extended = typeof body === "object" && body !== null && !Array.isArray(body) ? replaceAt(body, ["notInTheDocument"], "x") : body;
    expect(checkResponse(responseValidators, { method, path, status, contentType: mediaType, body: extended }, 40)).toBeUndefined();
  });
});

describe("what a report shows of the received value", () => {
  const base = bases.find((b) => b.label.startsWith("createProject 200"))!;
  const check = (body: JsonValue | undefined, max = 40) => checkResponse(responseValidators, { ...base, contentType: base.mediaType, body }, max)!.mismatches;

  test("a wrong type names the expected type and shows the value", () => {
    expect(check(replaceAt(base.body, ["clusterCount"], "3"))).toEqual([{ pointer: "/clusterCount", keyword: "type", expected: "integer", received: 'string "3"' }]);
  });

  test("a long string is truncated, and maxValueLength 0 shows only its type", () => {
    const long = `${"p".repeat(100)}!`;
    expect(check(replaceAt(base.body, ["name"], long))).toEqual([
      { pointer: "/name", keyword: "pattern", expected: expect.stringMatching(/^a string matching \^/), received: `string "${"p".repeat(40)}"… (101 characters)` },
    ]);
    expect(check(replaceAt(base.body, ["name"], long), 0)[0]!.received).toBe("string");
  });

  test("objects and arrays are summarised, never shown", () => {
    const mismatches = check(replaceAt(base.body, ["name"], { secret: "s3cr3t" }));
    expect(mismatches).toEqual([{ pointer: "/name", keyword: "type", expected: "string", received: "object (1 property)" }]);
    expect(JSON.stringify(mismatches)).not.toContain("s3cr3t");
  });

  test("an unknown enum value lists the allowed ones", () => {
    const mismatches = check(replaceAt(base.body, ["regionUsageRestrictions"], "MOON_ONLY"));
    expect(mismatches).toEqual([{ pointer: "/regionUsageRestrictions", keyword: "enum", expected: expect.stringContaining('"GOV_REGIONS_ONLY"'), received: 'string "MOON_ONLY"' }]);
  });
});
