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
import { type ContractReport } from "./contract-error.js";
export { AtlasContractError, type ContractMismatch, type ContractReport } from "./contract-error.js";
export interface ResponseValidationOptions {
    /** Called once per response that breaks the document, with all its mismatches. An exception it throws rejects the call. */
    onMismatch?: (report: ContractReport) => void;
    /** Reject the call with AtlasContractError when the response breaks the document (after onMismatch, if given). Default false. */
    strict?: boolean;
    /** Longest string value shown in `received`, in characters (default 40); 0 shows only types. */
    maxValueLength?: number;
}
/**
 * A client whose every call is checked against the document: the operation (method and path
 * template), the status code, the media type and the body (`data` of a 2xx, `error` otherwise) must be
 * what the document describes for that operation, status and media type. Mismatches go to
 * `onMismatch`, and with `strict: true` the call rejects with AtlasContractError. Calls with a
 * `parseAs` other than "json" are not checked (their body is not parsed). `use`, `eject` and (for
 * createAtlasClient's client) `close` act on the wrapped client.
 */
export declare function withResponseValidation<C extends Client<paths>>(client: C, options: ResponseValidationOptions): C;
//# sourceMappingURL=index.d.ts.map