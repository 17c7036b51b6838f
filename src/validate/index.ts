/**
 * `atlas-admin-openapi/validate`: an opt-in contract check of live responses against the document.
 * A separate entry point so that the client (`atlas-admin-openapi`) never loads the validators.
 *
 * withResponseValidation wraps a client's call methods rather than adding a middleware: it validates
 * the `data` / `error` openapi-fetch has already parsed, so the body is neither cloned nor parsed
 * twice, and it sees exactly what the caller gets.
 */
import type { Client } from "openapi-fetch";
import type { paths } from "../../generated/atlas.js";
import { responseValidators } from "../../generated/response-validators.js";
import { AtlasConfigError } from "../errors.js";
import { HTTP_METHODS_UPPERCASE } from "../openapi/document.js";
import { checkResponse } from "./check-response.js";
import { AtlasContractError, type ContractReport } from "./contract-error.js";

export { AtlasContractError, type ContractMismatch, type ContractReport } from "./contract-error.js";

export interface ResponseValidationOptions {
  /** Called once per response that breaks the document, with all its mismatches. An exception it throws rejects the call. */
  onMismatch?: (report: ContractReport) => void;
  /** Reject the call with AtlasContractError when the response breaks the document (after onMismatch, if given). Default false. */
  strict?: boolean;
  /** Longest string value shown in `received`, in characters (default 40); 0 shows only types. */
  maxValueLength?: number;
}

const OPTION_NAMES = new Set(["onMismatch", "strict", "maxValueLength"]);
const DEFAULT_MAX_VALUE_LENGTH = 40;

interface Resolved {
  onMismatch: ((report: ContractReport) => void) | undefined;
  strict: boolean;
  maxValueLength: number;
}

function resolve(options: ResponseValidationOptions): Resolved {
  if (typeof options !== "object" || options === null) throw new AtlasConfigError("options", "must be an object with onMismatch and/or strict");
  for (const name of Object.keys(options)) if (!OPTION_NAMES.has(name)) throw new AtlasConfigError(name, `unknown option (expected ${[...OPTION_NAMES].join(", ")})`);
  const { onMismatch, strict = false, maxValueLength = DEFAULT_MAX_VALUE_LENGTH } = options;
  if (onMismatch !== undefined && typeof onMismatch !== "function") throw new AtlasConfigError("onMismatch", "must be a function");
  if (typeof strict !== "boolean") throw new AtlasConfigError("strict", "must be true or false");
  if (!Number.isInteger(maxValueLength) || maxValueLength < 0) throw new AtlasConfigError("maxValueLength", "must be a whole number of characters, 0 or more");
  if (onMismatch === undefined && !strict) throw new AtlasConfigError("onMismatch", "give onMismatch, strict: true, or both; otherwise mismatches would go nowhere");
  return { onMismatch, strict, maxValueLength };
}

interface CallResult {
  data?: unknown;
  error?: unknown;
  response: Response;
}

type Call = (path: string, init?: { parseAs?: string }) => Promise<CallResult>;

/**
 * A client whose every call is checked against the document: the operation (method and path
 * template), the status code, the media type and the body (`data` of a 2xx, `error` otherwise) must be
 * what the document describes for that operation, status and media type. Mismatches go to
 * `onMismatch`, and with `strict: true` the call rejects with AtlasContractError. Calls with a
 * `parseAs` other than "json" are not checked (their body is not parsed). `use`, `eject` and (for
 * createAtlasClient's client) `close` act on the wrapped client.
 */
export function withResponseValidation<C extends Client<paths>>(client: C, options: ResponseValidationOptions): C {
  const { onMismatch, strict, maxValueLength } = resolve(options);

  const check = (method: string, path: string, parseAs: string | undefined, result: CallResult): CallResult => {
    if (parseAs !== undefined && parseAs !== "json") return result;
    const { response } = result;
    const body = response.ok ? result.data : result.error;
    const report = checkResponse(responseValidators, { method, path, status: response.status, contentType: response.headers.get("content-type"), body }, maxValueLength);
    if (report) {
      onMismatch?.(report);
      if (strict) throw new AtlasContractError(report);
    }
    return result;
  };

  const wrapped: Record<string, unknown> = { ...(client as object) };
  const calls = client as unknown as Record<string, Call>;
  for (const method of HTTP_METHODS_UPPERCASE) {
    wrapped[method] = async (path: string, init?: { parseAs?: string }) => check(method, path, init?.parseAs, await calls[method]!(path, init));
  }
  const request = (client as unknown as { request: (method: string, path: string, init?: { parseAs?: string }) => Promise<CallResult> }).request;
  wrapped.request = async (method: string, path: string, init?: { parseAs?: string }) => check(method.toUpperCase(), path, init?.parseAs, await request(method, path, init));
  return wrapped as C;
}
