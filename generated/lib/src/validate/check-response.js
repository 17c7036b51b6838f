import { UNEXPECTED_RESPONSE } from "../middleware/api-error.js";
const MAX_LIST_CHARS = 200;
const MEDIA_TYPE_CACHE_SIZE = 32;
const mediaTypes = new Map();
/** "application/JSON; charset=utf-8" -> "application/json"; a server sends few distinct values, so they are remembered. */
function mediaTypeOf(contentType) {
    if (contentType === null)
        return null;
    let type = mediaTypes.get(contentType);
    if (type === undefined) {
        type = contentType.split(";")[0].trim().toLowerCase() || null;
        if (mediaTypes.size < MEDIA_TYPE_CACHE_SIZE)
            mediaTypes.set(contentType, type);
    }
    return type;
}
const operationsByTable = new WeakMap();
/** The table's operations by method, then path template (no string built per call). */
function operationOf(table, method, path) {
    let byMethod = operationsByTable.get(table);
    if (!byMethod) {
        byMethod = new Map();
        for (const [key, operation] of Object.entries(table)) {
            const space = key.indexOf(" ");
            const method = key.slice(0, space);
            if (!byMethod.has(method))
                byMethod.set(method, new Map());
            byMethod.get(method).set(key.slice(space + 1), operation);
        }
        operationsByTable.set(table, byMethod);
    }
    return byMethod.get(method)?.get(path);
}
/** The documented response for a status: exact code, then "4XX"-style range, then "default". */
function documentedResponse(responses, status) {
    return responses[String(status)] ?? responses[`${String(status)[0]}XX`] ?? responses[`${String(status)[0]}xx`] ?? responses.default;
}
function jsonType(value) {
    if (value === null)
        return "null";
    if (Array.isArray(value))
        return "array";
    if (Number.isInteger(value))
        return "integer";
    return typeof value;
}
const count = (n, one, many) => `${n} ${n === 1 ? one : many}`;
/** A short, safe description of a value: its type, with scalars shown and strings truncated. */
export function preview(value, maxValueLength) {
    if (value === undefined)
        return "missing";
    const type = jsonType(value);
    if (Array.isArray(value))
        return `array (${count(value.length, "item", "items")})`;
    if (typeof value === "object" && value !== null)
        return `object (${count(Object.keys(value).length, "property", "properties")})`;
    if (maxValueLength === 0)
        return type;
    if (typeof value === "string") {
        const shown = [...value];
        return shown.length <= maxValueLength ? `string ${JSON.stringify(value)}` : `string ${JSON.stringify(shown.slice(0, maxValueLength).join(""))}… (${shown.length} characters)`;
    }
    return `${type} ${String(value)}`;
}
function list(values) {
    const text = values.map((v) => JSON.stringify(v)).join(", ");
    return text.length <= MAX_LIST_CHARS ? text : `${text.slice(0, MAX_LIST_CHARS)}…`;
}
const escapeSegment = (key) => key.replaceAll("~", "~0").replaceAll("/", "~1");
function valueAt(body, pointer) {
    let node = body;
    for (const raw of pointer.split("/").slice(1)) {
        const key = raw.replaceAll("~1", "/").replaceAll("~0", "~");
        if (typeof node !== "object" || node === null || !Object.hasOwn(node, key))
            return undefined;
        node = node[key];
    }
    return node;
}
/** An ajv error as a mismatch: the pointer of the offending value, what the schema wanted, a preview of what came. */
function fromAjv(error, body, maxValueLength) {
    const { keyword, params, instancePath } = error;
    const named = (property) => `${instancePath}/${escapeSegment(String(property))}`;
    switch (keyword) {
        case "required":
            return { pointer: named(params.missingProperty), keyword, expected: `required property ${JSON.stringify(params.missingProperty)}`, received: "missing" };
        case "additionalProperties":
        case "unevaluatedProperties": {
            const property = params.additionalProperty ?? params.unevaluatedProperty;
            const pointer = named(property);
            return { pointer, keyword, expected: `no property ${JSON.stringify(property)}`, received: preview(valueAt(body, pointer), maxValueLength) };
        }
    }
    const received = preview(valueAt(body, instancePath), maxValueLength);
    let expected;
    if (keyword === "type")
        expected = Array.isArray(params.type) ? params.type.join(" or ") : String(params.type);
    else if (keyword === "enum")
        expected = `one of ${list(params.allowedValues)}`;
    else if (keyword === "const")
        expected = list([params.allowedValue]);
    else if (keyword === "pattern")
        expected = `a string matching ${String(params.pattern)}`;
    else if (keyword === "format")
        expected = `format ${String(params.format)}`;
    else
        expected = (error.message ?? keyword).replace(/^must /, "");
    return { pointer: instancePath, keyword, expected, received };
}
/** The mismatches of one response, or undefined when it matches the document. */
export function checkResponse(table, response, maxValueLength) {
    const { method, path, status, body } = response;
    const mediaType = mediaTypeOf(response.contentType);
    const operation = operationOf(table, method, path);
    const report = (mismatches, schema) => ({ operationId: operation?.operationId, method, path, status, mediaType, schema, mismatches });
    if (!operation)
        return report([{ pointer: "", keyword: "operation", expected: "an operation of the document", received: `${method} ${path}` }]);
    const documented = documentedResponse(operation.responses, status);
    if (!documented)
        return report([{ pointer: "", keyword: "status", expected: `one of ${Object.keys(operation.responses).join(", ")}`, received: String(status) }]);
    // Whether the document gives this status any body schema; computed only off the common path.
    const expectsBody = () => Object.values(documented).some((entry) => entry !== null);
    if (body === undefined) {
        if (!expectsBody())
            return undefined;
        return report([{ pointer: "", keyword: "body", expected: `a ${Object.keys(documented).join(" or ")} body`, received: "no body" }]);
    }
    if ((status < 200 || status >= 300) && typeof body === "object" && body !== null && body.errorCode === UNEXPECTED_RESPONSE) {
        // The client replaced a body that was not ApiError JSON (an HTML page, a proxy's text) with this placeholder.
        return report([{ pointer: "", keyword: "body", expected: "an ApiError JSON body", received: "a body that is not ApiError JSON" }]);
    }
    if (mediaType === null || !Object.hasOwn(documented, mediaType)) {
        if (!expectsBody())
            return report([{ pointer: "", keyword: "body", expected: "no body", received: preview(body, maxValueLength) }]);
        return report([{ pointer: "", keyword: "mediaType", expected: `one of ${Object.keys(documented).join(", ")}`, received: mediaType ?? "no Content-Type" }]);
    }
    const schema = documented[mediaType];
    if (!schema)
        return report([{ pointer: "", keyword: "body", expected: "no body", received: preview(body, maxValueLength) }]);
    if (schema.validate(body))
        return undefined;
    return report(distinct((schema.validate.errors ?? []).map((error) => fromAjv(error, body, maxValueLength))), schema.schema);
}
/**
 * The same mismatch once: a response schema that restates required properties in a second `allOf` member
 * (GroupResponse, ConnectedOrgConfigResponse) makes ajv report a wrong value once per member that checks it.
 */
function distinct(mismatches) {
    const seen = new Set();
    return mismatches.filter(({ pointer, keyword, expected }) => {
        const key = `${pointer}\u0000${keyword}\u0000${expected}`;
        if (seen.has(key))
            return false;
        seen.add(key);
        return true;
    });
}
//# sourceMappingURL=check-response.js.map