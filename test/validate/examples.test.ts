/**
 * The generated response validators accept every example of every response body in the document,
 * checked through checkResponse as a live response with that operation, status and media type would be.
 * (Schema-level examples sit on properties, not on whole bodies; test/examples.test.ts checks those.)
 */
import { isDeepStrictEqual } from "node:util";
import { describe, expect, test } from "vitest";
import { responseValidators } from "../../generated/response-validators.js";
import { checkResponse } from "../../src/validate/check-response.js";
import { listOperations, readBundledDocument } from "../support/bundled-document.js";
import { listExamples } from "../support/document-examples.js";

const doc = readBundledDocument();

const responseExamples = listOperations(doc).flatMap((op) =>
  op.responses.flatMap(({ code, contents }) =>
    contents.flatMap(({ mediaType, examples }) =>
      [...examples].map(([name, body]) => ({ label: `${op.operationId} ${code} ${mediaType} (example ${name})`, method: op.method.toUpperCase(), path: op.path, status: Number(code), mediaType, body })),
    ),
  ),
);

describe("every example in the document passes the generated validators", () => {
  test("every response example of the document is checked here", () => {
    const sites = listExamples(doc).filter((site) => site.view === "response-forbid");
    expect(sites.length).toBeGreaterThan(0);
    const unchecked = sites.filter((site) => !responseExamples.some((example) => isDeepStrictEqual(example.body, site.value)));
    expect(unchecked.map((site) => site.pointer)).toEqual([]);
  });

  test.each(responseExamples)("$label", ({ method, path, status, mediaType, body }) => {
    expect(checkResponse(responseValidators, { method, path, status, contentType: mediaType, body }, 40)).toBeUndefined();
  });
});
