/**
 * Checks one parsed response against the build-time validators (generated/response-validators.js):
 * operation, status code, media type, then the body against the schema the document gives for them.
 * Pure: takes what openapi-fetch already parsed and returns the mismatches, so the body is never read
 * or parsed a second time.
 */
import type { responseValidators } from "../../generated/response-validators.js";
import type { ContractReport } from "./contract-error.js";
export interface ParsedResponse {
    method: string;
    /** Path template, as passed to client.GET(path, ...). */
    path: string;
    status: number;
    contentType: string | null;
    /** `data` for a 2xx, `error` otherwise; undefined when the response had no body. */
    body: unknown;
}
/** A short, safe description of a value: its type, with scalars shown and strings truncated. */
export declare function preview(value: unknown, maxValueLength: number): string;
/** The generated table (or one generated from another document, in tests). */
export type ValidatorTable = typeof responseValidators;
/** The mismatches of one response, or undefined when it matches the document. */
export declare function checkResponse(table: ValidatorTable, response: ParsedResponse, maxValueLength: number): ContractReport | undefined;
//# sourceMappingURL=check-response.d.ts.map