/**
 * What the contract check reports when a response breaks the document, and the error strict mode
 * throws. Reports never carry a whole body: each mismatch names where (a JSON pointer), which rule
 * (the keyword), what the document expects, and a short preview of what arrived.
 */
import { AtlasError } from "../errors.js";
const SHOWN_IN_MESSAGE = 3;
function describe(report) {
    const shown = report.mismatches.slice(0, SHOWN_IN_MESSAGE).map((m) => `${m.pointer || "(body)"}: ${m.keyword}: expected ${m.expected}, received ${m.received}`);
    const more = report.mismatches.length - shown.length;
    const operation = report.operationId ? ` (${report.operationId})` : "";
    return `${report.method} ${report.path}${operation} answered ${report.status} ${report.mediaType ?? "without Content-Type"}, which the document does not describe: ${shown.join("; ")}${more > 0 ? `; and ${more} more` : ""}`;
}
/** Thrown in strict mode (`withResponseValidation(client, { strict: true })`) when a response breaks the document. */
export class AtlasContractError extends AtlasError {
    report;
    name = "AtlasContractError";
    constructor(report) {
        super(describe(report));
        this.report = report;
    }
}
//# sourceMappingURL=contract-error.js.map