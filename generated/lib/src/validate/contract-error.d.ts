/**
 * What the contract check reports when a response breaks the document, and the error strict mode
 * throws. Reports never carry a whole body: each mismatch names where (a JSON pointer), which rule
 * (the keyword), what the document expects, and a short preview of what arrived.
 */
import { AtlasError } from "../errors.js";
/** One way in which a response differs from the document. */
export interface ContractMismatch {
    /**
     * JSON pointer (RFC 6901) into the body of the value that breaks the document: "" for the body
     * itself, "/tags/0/key" for a nested field. For a missing required property or a property the
     * schema forbids, the pointer of that property.
     */
    pointer: string;
    /**
     * The JSON Schema keyword that failed ("type", "required", "enum", "pattern", "format",
     * "additionalProperties", "maxLength", ...), or, before the body is looked at: "operation" (the
     * document has no such operation), "status" (status code not documented), "mediaType" (Content-Type
     * not documented for that status), "body" (a body where none is documented, no body where one is,
     * or an error body that was not ApiError JSON).
     */
    keyword: string;
    /** What the document expects, e.g. `integer`, `one of "ACTIVE", "ENABLING"`, `required property "orgId"`. */
    expected: string;
    /** A preview of what arrived: its JSON type, with scalars shown (strings truncated), e.g. `string "12"`, `object (3 properties)`, `missing`. */
    received: string;
}
/** Every mismatch of one response. */
export interface ContractReport {
    /** The document's operationId, when the document has the operation. */
    operationId: string | undefined;
    method: string;
    /** The path template the call used, e.g. "/api/atlas/v2/orgs/{orgId}/settings". */
    path: string;
    status: number;
    /** The response's media type (Content-Type without parameters), or null when it had none. */
    mediaType: string | null;
    /** JSON pointer, in the bundled document (openapi.json), of the schema the body was validated against. */
    schema: string | undefined;
    mismatches: ContractMismatch[];
}
/** Thrown in strict mode (`withResponseValidation(client, { strict: true })`) when a response breaks the document. */
export declare class AtlasContractError extends AtlasError {
    readonly report: ContractReport;
    name: string;
    constructor(report: ContractReport);
}
//# sourceMappingURL=contract-error.d.ts.map