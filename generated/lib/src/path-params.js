import { AtlasPathParameterError } from "./errors.js";
const PLACEHOLDER = /\{([^{}]+)\}/g;
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/;
const compiledTemplates = new Map();
/** The document has a handful of templates; the bound keeps arbitrary `request()` paths from growing the cache. */
const MAX_CACHED_TEMPLATES = 64;
/** The template's parameter names and the text around them (cached per template: this runs on every call). */
function compile(template) {
    let compiled = compiledTemplates.get(template);
    if (!compiled) {
        const parts = template.split(PLACEHOLDER);
        compiled = { names: parts.filter((_, i) => i % 2 === 1), literals: parts.filter((_, i) => i % 2 === 0) };
        if (compiledTemplates.size < MAX_CACHED_TEMPLATES)
            compiledTemplates.set(template, compiled);
    }
    return compiled;
}
/** The encoded segment for one path parameter value, or an AtlasPathParameterError. */
export function encodePathParameter(name, value) {
    if (value === undefined || value === null)
        throw new AtlasPathParameterError(name, "is required");
    if (typeof value !== "string" && !(typeof value === "number" && Number.isFinite(value))) {
        throw new AtlasPathParameterError(name, `must be a string, got ${typeof value}`);
    }
    const text = String(value);
    if (text === "" || text === "." || text === "..")
        throw new AtlasPathParameterError(name, `must not be ${JSON.stringify(text)}`);
    if (CONTROL_CHARACTERS.test(text))
        throw new AtlasPathParameterError(name, `must not contain control characters, got ${JSON.stringify(text)}`);
    try {
        return encodeURIComponent(text);
    }
    catch {
        throw new AtlasPathParameterError(name, "is not well-formed Unicode");
    }
}
/** openapi-fetch pathSerializer: fills every {name} of the template with its encoded value. */
export const pathSerializer = (pathname, pathParams) => {
    const { names, literals } = compile(pathname);
    for (const name of Object.keys(pathParams)) {
        if (!names.includes(name))
            throw new AtlasPathParameterError(name, "is not a parameter of this path");
    }
    let path = literals[0];
    for (let i = 0; i < names.length; i++)
        path += encodePathParameter(names[i], pathParams[names[i]]) + literals[i + 1];
    return path;
};
/** openapi-fetch only calls the serializer when `params.path` is given: catch its absence here. */
export function assertPathParamsGiven(schemaPath, pathParams) {
    if (pathParams)
        return;
    const [missing] = compile(schemaPath).names;
    if (missing !== undefined)
        throw new AtlasPathParameterError(missing, "is required");
}
//# sourceMappingURL=path-params.js.map