/**
 * What the README promises about the mock, checked against the running Prism: which credentials it
 * takes (any bearer token; no API-key digest: Prism sends the 401's documented challenge but never checks an answer) and how to ask
 * for an error response (Prefer: code=... needs an Accept that admits application/json).
 */
import { describe, expect, inject, test } from "vitest";
import { listOperations } from "../support/bundled-document.js";
import { baseRequest } from "../support/base-request.js";
import { callWithClient, mediaTypesOf, sendRaw } from "../support/contract-client.js";
import { DocumentValidator } from "../support/document-validator.js";
import { PatternPool } from "../support/instances.js";

const baseUrl = inject("mockBaseUrl");
const validator = new DocumentValidator();
const pool = PatternPool.fromDocument(validator.doc);
const operations = listOperations(validator.doc).map((op) => ({ op, request: baseRequest(validator.views.request, op, pool) }));

describe.concurrent.each(operations)("$op.operationId", ({ op, request }) => {
  test("a request without credentials gets 401", async () => {
    const outcome = await sendRaw(baseUrl, op, request, { auth: false });
    expect(outcome.status, `${op.operationId} without Authorization`).toBe(401);
    expect(outcome.violations, `${op.operationId} without Authorization`).toContain("Invalid security scheme");
  });

  test.each([
    ["Bearer any-token", true],
    ["Bearer ", false],
    ["bearer any-token", false],
    ["Basic dXNlcjpwYXNz", false],
  ])("Authorization: %j accepted: %s", async (authorization, accepted) => {
    const outcome = await sendRaw(baseUrl, op, { ...request, headers: { authorization } }, { auth: false });
    expect(outcome.status !== 401, `${op.operationId} with Authorization: ${authorization} answered ${outcome.status}`).toBe(accepted);
  });

  test("an API key (digest) client gets 401: the mock sends the document's digest challenge but takes only bearer tokens", async () => {
    const outcome = await callWithClient(baseUrl, op, request, { publicKey: "public-key", privateKey: "private-key" });
    expect(outcome.status, `${op.operationId} with digest auth`).toBe(401);
    // The 401's WWW-Authenticate example is a digest challenge: the client answers it once, and is refused again.
    expect(outcome.sends, "the client answers the challenge once").toBe(2);
  });

  test("Prefer: code=404 needs application/json in Accept; with only the versioned type the mock answers 2xx", async () => {
    const onlyVersioned = await callWithClient(baseUrl, op, { ...request, headers: { prefer: "code=404" } });
    expect(onlyVersioned.status, `${op.operationId}: expected Prism to fall back to the 2xx response (as the README says)`).toBeLessThan(300);
    const withJson = await callWithClient(baseUrl, op, { ...request, headers: { prefer: "code=404", accept: `${mediaTypesOf(op).accept}, application/json` } });
    expect(withJson.status, `${op.operationId} with Accept: versioned, application/json`).toBe(404);
  });
});
