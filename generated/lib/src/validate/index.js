import { responseValidators } from "../../generated/response-validators.js";
import { AtlasConfigError } from "../errors.js";
import { HTTP_METHODS_UPPERCASE } from "../openapi/document.js";
import { checkResponse } from "./check-response.js";
import { AtlasContractError } from "./contract-error.js";
export { AtlasContractError } from "./contract-error.js";
const OPTION_NAMES = new Set(["onMismatch", "strict", "maxValueLength"]);
const DEFAULT_MAX_VALUE_LENGTH = 40;
function resolve(options) {
    if (typeof options !== "object" || options === null)
        throw new AtlasConfigError("options", "must be an object with onMismatch and/or strict");
    for (const name of Object.keys(options))
        if (!OPTION_NAMES.has(name))
            throw new AtlasConfigError(name, `unknown option (expected ${[...OPTION_NAMES].join(", ")})`);
    const { onMismatch, strict = false, maxValueLength = DEFAULT_MAX_VALUE_LENGTH } = options;
    if (onMismatch !== undefined && typeof onMismatch !== "function")
        throw new AtlasConfigError("onMismatch", "must be a function");
    if (typeof strict !== "boolean")
        throw new AtlasConfigError("strict", "must be true or false");
    if (!Number.isInteger(maxValueLength) || maxValueLength < 0)
        throw new AtlasConfigError("maxValueLength", "must be a whole number of characters, 0 or more");
    if (onMismatch === undefined && !strict)
        throw new AtlasConfigError("onMismatch", "give onMismatch, strict: true, or both; otherwise mismatches would go nowhere");
    return { onMismatch, strict, maxValueLength };
}
/**
 * A client whose every call is checked against the document: the operation (method and path
 * template), the status code, the media type and the body (`data` of a 2xx, `error` otherwise) must be
 * what the document describes for that operation, status and media type. Mismatches go to
 * `onMismatch`, and with `strict: true` the call rejects with AtlasContractError. Calls with a
 * `parseAs` other than "json" are not checked (their body is not parsed). `use`, `eject` and (for
 * createAtlasClient's client) `close` act on the wrapped client.
 */
export function withResponseValidation(client, options) {
    const { onMismatch, strict, maxValueLength } = resolve(options);
    const check = (method, path, parseAs, result) => {
        if (parseAs !== undefined && parseAs !== "json")
            return result;
        const { response } = result;
        const body = response.ok ? result.data : result.error;
        const report = checkResponse(responseValidators, { method, path, status: response.status, contentType: response.headers.get("content-type"), body }, maxValueLength);
        if (report) {
            onMismatch?.(report);
            if (strict)
                throw new AtlasContractError(report);
        }
        return result;
    };
    const wrapped = { ...client };
    const calls = client;
    for (const method of HTTP_METHODS_UPPERCASE) {
        wrapped[method] = async (path, init) => check(method, path, init?.parseAs, await calls[method](path, init));
    }
    const request = client.request;
    wrapped.request = async (method, path, init) => check(method.toUpperCase(), path, init?.parseAs, await request(method, path, init));
    return wrapped;
}
//# sourceMappingURL=index.js.map