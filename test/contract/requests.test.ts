/**
 * Requests generated from the document, not hand-listed, for every operation:
 *  - negative: every request body loses each required field, gets a wrong type, a broken pattern, enum,
 *    length, range or format, or a repeated item in a set-like (uniqueItems) array, at every depth; every path and query parameter gets its pattern, enum, type
 *    or range broken, or is left out when required; path parameters also get hostile values.
 *    The mock must refuse each (4xx) when sent directly, and the client must either refuse it before
 *    sending (it does for path parameters it cannot encode safely) or hand back the mock's 4xx.
 *  - valid: the document's examples, minimal and maximal instances, every enum value and boundary.
 *    The client must get a 2xx the mock found nothing wrong with, whose data matches the document.
 * The cases come from test/support/request-cases.ts.
 */
import { afterAll, describe, expect, inject, test } from "vitest";
import { listOperations } from "../support/bundled-document.js";
import { CaseTally } from "../support/case-tally.js";
import { callWithClient, sendRaw, unwrapped, type Outcome } from "../support/contract-client.js";
import { describeErrors, DocumentValidator } from "../support/document-validator.js";
import { PatternPool } from "../support/instances.js";
import { requestCases } from "../support/request-cases.js";

// Stateless: the same valid request is replayed many times, and a second createProject of one name is a 409.
const baseUrl = inject("mockStatelessBaseUrl");
const validator = new DocumentValidator();
const pool = PatternPool.fromDocument(validator.doc);
const tally = new CaseTally();

function describeOutcome(outcome: Outcome): string {
  if (outcome.thrown !== undefined) return `the client threw ${String(outcome.thrown)}`;
  return `mock answered ${outcome.status}${outcome.violations ? ` (${outcome.violations})` : ""}`;
}

describe.each(listOperations(validator.doc))("$operationId", (op) => {
  const { negative, valid } = requestCases(op, validator, pool);

  describe.concurrent("refused", () => {
    test.each(negative)("$label", async (c) => {
      const verdict = c.documentCheck?.();
      expect(verdict, c.label).toBeUndefined();
      const direct = await sendRaw(baseUrl, op, c.request);
      const viaClient = await callWithClient(baseUrl, op, c.request);
      const refusedBeforeSending = viaClient.sends === 0;
      tally.negative(c.target, c.kind, { mock: isClientError(direct.status), clientBeforeSending: refusedBeforeSending });
      expect(isClientError(direct.status), `${c.label} but ${describeOutcome(direct)}`).toBe(true);
      // Atlas's ApiError, and a 400 naming what is wrong for everything but a path that no longer routes
      // (a hostile or empty path value: 404).
      expect(direct.contentType, `${c.label}: Content-Type`).toBe("application/json");
      expect(direct.data, `${c.label}: an ApiError`).toMatchObject({ error: direct.status, errorCode: expect.any(String) });
      const fields = ((direct.data as { badRequestDetail?: { fields?: { description: string }[] } }).badRequestDetail?.fields ?? []).map((f) => f.description);
      if (c.kind !== "hostile path" && !(c.target === "path" && c.kind === "missing")) {
        expect(direct.status, `${c.label}: status`).toBe(400);
        expect(fields.length, `${c.label}: badRequestDetail.fields`).toBeGreaterThan(0);
      }
      // The 400 must be for the repeated item, not for something else in the body.
      if (c.kind === "unique items") expect(fields.join("; "), `${c.label}: the mock's violations`).toMatch(/duplicate items/);
      if (!refusedBeforeSending) {
        expect(viaClient.thrown, `${c.label}: the client sent it and then threw ${String(viaClient.thrown)}`).toBeUndefined();
        expect(isClientError(viaClient.status), `${c.label} but through the client the ${describeOutcome(viaClient)}`).toBe(true);
        expect(viaClient.data, `${c.label}: the client returned data for a refused request`).toBeUndefined();
      }
    });
  });

  describe.concurrent("accepted", () => {
    test.each(valid)("$label", async (c) => {
      const verdict = c.documentCheck?.();
      expect(verdict, c.label).toBeUndefined();
      const outcome = await callWithClient(baseUrl, op, c.request);
      const accepted = outcome.status !== undefined && outcome.status >= 200 && outcome.status < 300 && !outcome.violations;
      tally.valid(c.target, c.kind, accepted);
      expect(accepted, `${c.label} is valid per the document but ${describeOutcome(outcome)}`).toBe(true);
      const success = op.responses.find((r) => r.code === String(outcome.status))?.contents[0];
      if (success?.schemaPointer) {
        const errors = validator.errors("response", success.schemaPointer, unwrapped(c.request.query, outcome));
        expect(errors, `${c.label}: the response breaks the document: ${describeErrors(errors, "body")}`).toEqual([]);
      }
    });
  });
});

function isClientError(status: number | undefined): boolean {
  return status !== undefined && status >= 400 && status < 500;
}

afterAll(() => {
  console.log(tally.table());
});
