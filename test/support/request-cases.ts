/**
 * The generated request cases of one operation, each first judged by the document itself (ajv), so a
 * case that is not what it claims fails as a generator error instead of testing nothing:
 *  - negative: the request body left out when required; each body field dropped when required, given a
 *    wrong type, its pattern, enum, length, range or format broken, a set-like array's item repeated, at every depth; each path and query
 *    parameter with its pattern, enum, type or range broken, left out when required, or (path) hostile;
 *  - valid: the document's examples, minimal and maximal bodies, every enum value, boundary and boolean.
 */
import { valueAt, type JsonValue, type Operation, type Schema } from "./bundled-document.js";
import { baseRequest } from "./base-request.js";
import type { RequestSpec } from "./contract-client.js";
import { describeErrors, type DocumentValidator } from "./document-validator.js";
import { sample, type PatternPool } from "./instances.js";
import { negativeCases, validCases } from "./mutations.js";
import { negativeParameterCases, parameterInstance, validParameterCases } from "./parameter-cases.js";
import { formatPath, instancePointer } from "./schema-walk.js";

export interface GeneratedCase {
  /** body | path | query */
  target: string;
  kind: string;
  /** e.g. "createProject body.tags[0].key: maxLength 255 broken" */
  label: string;
  request: RequestSpec;
  /** The document's own verdict on the case (ajv): undefined when it is what it claims to be. */
  documentCheck?: () => string | undefined;
}

function bodyCases(op: Operation, base: RequestSpec, validator: DocumentValidator, pool: PatternPool): { negative: GeneratedCase[]; valid: GeneratedCase[] } {
  const requestDoc = validator.views.request;
  const negative: GeneratedCase[] = [];
  const valid: GeneratedCase[] = [];
  if (op.requestBody?.required) {
    negative.push({ target: "body", kind: "required", label: `${op.operationId} body: required request body left out`, request: { ...base, body: undefined } });
  }
  for (const media of op.requestBody?.contents ?? []) {
    const pointer = media.schemaPointer;
    if (pointer === undefined) continue;
    const schema = valueAt(requestDoc, pointer) as Schema;
    const root = `${op.operationId} body`;
    const maximal = sample(requestDoc, schema, { fill: "all", pool, root });
    const minimal = sample(requestDoc, schema, { fill: "required", pool, root });
    const withBody = (body: JsonValue | undefined): RequestSpec => ({ ...base, body });
    const validBodies: [string, string, JsonValue | undefined][] = [
      ...[...media.examples].map(([name, value]): [string, string, JsonValue] => ["example", `example ${name}`, value]),
      ["minimal", "required fields only", minimal],
      ["maximal", "every field", maximal],
      ...validCases(requestDoc, schema, maximal).map((c): [string, string, JsonValue | undefined] => [c.kind, `${formatPath("body", c.path)}: ${c.detail}`, c.instance]),
    ];
    for (const [kind, detail, body] of validBodies) {
      valid.push({
        target: "body",
        kind,
        label: `${op.operationId} ${detail}`,
        request: withBody(body),
        documentCheck: () => {
          const errors = validator.errors("request", pointer, body);
          return errors.length ? `generator error: the case breaks the document: ${describeErrors(errors, "body")}` : undefined;
        },
      });
    }
    for (const c of negativeCases(requestDoc, schema, maximal)) {
      negative.push({
        target: "body",
        kind: c.kind,
        label: `${op.operationId} ${formatPath("body", c.path)}: ${c.detail}`,
        request: withBody(c.instance),
        documentCheck: () => {
          const errors = validator.errors("request", pointer, c.instance);
          const at = instancePointer(c.errorPath ?? c.path);
          return errors.some((e) => e.keyword === c.keyword && e.instancePath === at)
            ? undefined
            : `generator error: expected the document to report ${c.keyword} at body${at}, it reported: ${describeErrors(errors, "body") || "nothing"}`;
        },
      });
    }
  }
  return { negative, valid };
}

function parameterCases(op: Operation, base: RequestSpec, validator: DocumentValidator, pool: PatternPool): { negative: GeneratedCase[]; valid: GeneratedCase[] } {
  const requestDoc = validator.views.request;
  const negative: GeneratedCase[] = [];
  const valid: GeneratedCase[] = [];
  for (const p of op.parameters) {
    if (p.in !== "path" && p.in !== "query") throw new Error(`${op.operationId}: ${p.in} parameter ${p.name} is not covered by the contract tests`);
    const withValue = (value: string | undefined): RequestSpec =>
      p.in === "path" ? { ...base, path: { ...base.path, [p.name]: value ?? "" } } : { ...base, query: { ...base.query, [p.name]: value } };
    const label = (detail: string) => `${op.operationId} ${p.in}.${p.name}: ${detail}`;
    for (const c of validParameterCases(requestDoc, p, pool)) {
      valid.push({
        target: p.in,
        kind: c.kind,
        label: label(c.detail),
        request: withValue(c.value),
        documentCheck: () => {
          const errors = c.value === undefined ? [] : validator.errors("request", p.schemaPointer, parameterInstance(requestDoc, p, c.value));
          return errors.length ? `generator error: the value breaks the document: ${describeErrors(errors, p.name)}` : undefined;
        },
      });
    }
    for (const c of negativeParameterCases(requestDoc, p, pool)) {
      const keyword = c.keyword;
      negative.push({
        target: p.in,
        kind: c.kind,
        label: label(c.detail),
        request: withValue(c.value),
        documentCheck:
          keyword === undefined || c.value === undefined
            ? undefined
            : () => {
                const errors = validator.errors("request", p.schemaPointer, parameterInstance(requestDoc, p, c.value!));
                return errors.some((e) => e.keyword === keyword) ? undefined : `generator error: expected the document to report ${keyword}, it reported: ${describeErrors(errors, p.name) || "nothing"}`;
              },
      });
    }
  }
  return { negative, valid };
}

/** Every generated case of `op`, around the operation's base request. */
export function requestCases(op: Operation, validator: DocumentValidator, pool: PatternPool): { negative: GeneratedCase[]; valid: GeneratedCase[] } {
  const base = baseRequest(validator.views.request, op, pool);
  const body = bodyCases(op, base, validator, pool);
  const params = parameterCases(op, base, validator, pool);
  return { negative: [...body.negative, ...params.negative], valid: [...body.valid, ...params.valid] };
}
