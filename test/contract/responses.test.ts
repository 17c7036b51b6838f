/**
 * For every operation, every response code and every named example the document lists: the client's
 * request is accepted by the mock (no sl-violations), the mock answers that code with the documented
 * media type and example, and what the client hands back (data or error) validates against the
 * document's schema for that code and media type.
 */
import { afterAll, describe, expect, inject, test } from "vitest";
import { isObject, listOperations } from "../support/bundled-document.js";
import { baseRequest } from "../support/base-request.js";
import { callWithClient, mediaTypesOf } from "../support/contract-client.js";
import { describeErrors, DocumentValidator } from "../support/document-validator.js";
import { PatternPool } from "../support/instances.js";

const baseUrl = inject("mockBaseUrl");
const validator = new DocumentValidator();
const pool = PatternPool.fromDocument(validator.doc);
const ran = new Map<string, number>();

describe.concurrent.each(listOperations(validator.doc))("$operationId", (op) => {
  const request = baseRequest(validator.views.request, op, pool);
  const cases = op.responses.flatMap((response) =>
    response.contents.flatMap((content) => {
      const names = content.examples.size > 0 ? [...content.examples.keys()] : [undefined];
      return names.map((example) => ({ code: response.code, content, example }));
    }),
  );

  test.each(cases)("$code $content.mediaType example $example", async ({ code, content, example }) => {
    const where = `${op.operationId} ${code} ${content.mediaType}${example ? ` (example ${example})` : ""}`;
    const prefer = [`code=${code}`, ...(example ? [`example=${example}`] : [])].join(", ");
    // Prism honours Prefer: code=4xx only if the Accept header admits the error's media type; the client
    // accepts just the versioned type, so error cases add application/json (see the README).
    const headers: Record<string, string> = { prefer };
    if (!code.startsWith("2")) headers.accept = `${mediaTypesOf(op).accept}, ${content.mediaType}`;
    const outcome = await callWithClient(baseUrl, op, { ...request, headers });

    expect(outcome.thrown, `${where}: the client rejected`).toBeUndefined();
    // Prism takes any JSON Content-Type, so the versioned one the document asks for is checked here.
    const documented = mediaTypesOf(op);
    if (documented.contentType) expect(outcome.sentHeaders?.get("content-type"), `${where}: the client's Content-Type`).toBe(documented.contentType);
    if (code.startsWith("2")) expect(outcome.sentHeaders?.get("accept"), `${where}: the client's Accept`).toBe(documented.accept);
    expect(outcome.violations ?? null, `${where}: the mock reported ${outcome.violations}`).toBeNull();
    expect(outcome.status, `${where}: the mock answered ${outcome.status}`).toBe(Number(code));
    const body = code.startsWith("2") ? outcome.data : outcome.error;
    if (content.schemaPointer === undefined) {
      expect(body, `${where}: the document gives no schema, but a body came back`).toBeUndefined();
    } else {
      expect(outcome.contentType?.split(";")[0], `${where}: Content-Type`).toBe(content.mediaType);
      const errors = validator.errors("response", content.schemaPointer, body);
      expect(errors, `${where}: the client's ${code.startsWith("2") ? "data" : "error"} breaks the document: ${describeErrors(errors, "body")}`).toEqual([]);
    }
    if (example) expect(body, `${where}: the mock did not serve the document's example`).toEqual(content.examples.get(example));
    // ApiError's `error` field repeats the HTTP status: the examples must agree with their code.
    if (!code.startsWith("2") && isObject(body) && typeof body.error === "number") {
      expect(body.error, `${where}: body.error`).toBe(Number(code));
    }
    ran.set(code.startsWith("2") ? "success responses" : "error responses", (ran.get(code.startsWith("2") ? "success responses" : "error responses") ?? 0) + 1);
  });
});

afterAll(() => {
  console.log(["Response contract cases", ...[...ran].map(([kind, count]) => `  ${kind.padEnd(20)} ${count}`)].join("\n"));
});
