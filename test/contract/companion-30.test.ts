/**
 * The OpenAPI 3.0 companion (generated/openapi-3.0.yaml) mocked by Prism: the contract suite's request cases
 * generated from the 3.1 document pass against it as they do against the 3.1 bundle (every valid request
 * accepted, with a response that still matches the 3.1 document; every invalid one refused), and every
 * documented 2xx example is served as it is.
 */
import { describe, expect, inject, test } from "vitest";
import { listOperations } from "../support/bundled-document.js";
import { baseRequest } from "../support/base-request.js";
import { callWithClient, mediaTypesOf, sendRaw, unwrapped } from "../support/contract-client.js";
import { describeErrors, DocumentValidator } from "../support/document-validator.js";
import { PatternPool } from "../support/instances.js";
import { requestCases } from "../support/request-cases.js";

const baseUrl = inject("mock30BaseUrl");
const validator = new DocumentValidator();
const pool = PatternPool.fromDocument(validator.doc);

describe.each(listOperations(validator.doc))("3.0 companion: $operationId", (op) => {
  const { valid, negative } = requestCases(op, validator, pool);
  const success = op.responses.find((r) => r.code.startsWith("2"));

  test.concurrent.each(valid)("accepted: $label", async (c) => {
    const outcome = await callWithClient(baseUrl, op, c.request);
    expect(outcome.thrown, `${c.label}: the client rejected`).toBeUndefined();
    expect(outcome.violations ?? null, `${c.label}: the 3.0 mock reported ${outcome.violations}`).toBeNull();
    expect(outcome.status, `${c.label}: the 3.0 mock answered ${outcome.status}`).toBe(Number(success?.code));
    const schema = success?.contents[0]?.schemaPointer;
    if (schema) {
      const errors = validator.errors("response", schema, unwrapped(c.request.query, outcome));
      expect(errors, `${c.label}: the 3.0 mock's response breaks the 3.1 document: ${describeErrors(errors, "body")}`).toEqual([]);
    }
  });

  test.concurrent.each(negative)("refused: $label", async (c) => {
    const direct = await sendRaw(baseUrl, op, c.request);
    expect(direct.status !== undefined && direct.status >= 400 && direct.status < 500, `${c.label} but the 3.0 mock answered ${direct.status}`).toBe(true);
  });

  const examples = (success?.contents ?? []).flatMap((content) => [...content.examples].map(([name, value]) => ({ name, value, content })));
  test.concurrent.each(examples)("$content.mediaType example $name served as documented", async ({ name, value, content }) => {
    const outcome = await callWithClient(baseUrl, op, { ...baseRequest(validator.views.request, op, pool), headers: { prefer: `example=${name}` } });
    expect(outcome.violations ?? null).toBeNull();
    expect(outcome.sentHeaders?.get("accept")).toBe(mediaTypesOf(op).accept);
    expect(outcome.contentType?.split(";")[0]).toBe(content.mediaType);
    expect(outcome.data).toEqual(value);
  });
});
