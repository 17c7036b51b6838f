/**
 * Options of createAtlasClient and their validation. Everything is checked up front, before any
 * request, with an AtlasConfigError naming the field; unknown keys are rejected rather than ignored
 * (a misspelt `timeout` must not silently mean "no timeout"). Secret values never appear in messages.
 */
import { AtlasConfigError } from "./errors.js";
export const DEFAULT_BASE_URL = "https://cloud.mongodb.com";
export const DEFAULT_RETRY = { maxAttempts: 3, baseDelayMs: 250, maxDelayMs: 20_000 };
export const DEFAULT_TIMEOUT_MS = 30_000;
/** setTimeout's largest delay; longer values fire immediately in Node. */
const MAX_TIMER_MS = 2_147_483_647;
const OPTION_KEYS = ["baseUrl", "auth", "retry", "timeoutMs", "userAgent", "fetch", "insecureHttpHosts"];
const RETRY_KEYS = Object.keys(DEFAULT_RETRY);
const AUTH_SHAPES = {
    serviceAccount: ["clientId", "clientSecret"],
    apiKey: ["publicKey", "privateKey"],
    accessToken: ["accessToken"],
};
function isRecord(value) {
    return typeof value === "object" && value !== null && !Array.isArray(value);
}
function rejectUnknownKeys(object, known, prefix) {
    for (const key of Object.keys(object)) {
        if (!known.includes(key))
            throw new AtlasConfigError(`${prefix}${key}`, `unknown option (expected one of ${known.join(", ")})`);
    }
}
/** Header values and digest parameters cannot carry control characters; the message never shows the value. */
function hasControlCharacters(value) {
    return /[\u0000-\u001f\u007f]/.test(value);
}
/** Printable ASCII (what a header value can carry unencoded), optionally minus some characters. */
function isHeaderSafe(value, forbidden) {
    return /^[\x20-\x7e]+$/.test(value) && !(forbidden?.test(value) ?? false);
}
/** A number option: every one (a count or milliseconds) is at least 1 and at most setTimeout's largest delay. */
function number(value, field, integer = false) {
    if (typeof value !== "number" || !Number.isFinite(value))
        throw new AtlasConfigError(field, "must be a finite number");
    if (integer && !Number.isInteger(value))
        throw new AtlasConfigError(field, "must be an integer");
    if (value < 1)
        throw new AtlasConfigError(field, "must be at least 1");
    if (value > MAX_TIMER_MS)
        throw new AtlasConfigError(field, `must be at most ${MAX_TIMER_MS}`);
    return value;
}
function isLoopback(hostname) {
    return hostname === "localhost" || hostname === "[::1]" || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname);
}
function resolveInsecureHosts(value) {
    if (value === undefined)
        return [];
    if (!Array.isArray(value) || value.some((host) => typeof host !== "string" || !/^[a-z0-9.-]+$/i.test(host))) {
        throw new AtlasConfigError("insecureHttpHosts", "must be an array of host names (letters, digits, dots and hyphens)");
    }
    return value.map((host) => host.toLowerCase());
}
function resolveBaseUrl(value, authenticated, insecureHosts) {
    if (value === undefined)
        return DEFAULT_BASE_URL;
    if (typeof value !== "string")
        throw new AtlasConfigError("baseUrl", "must be a string");
    let url;
    try {
        url = new URL(value);
    }
    catch {
        throw new AtlasConfigError("baseUrl", `must be an absolute URL, got ${JSON.stringify(value)}`);
    }
    if (url.protocol !== "https:" && url.protocol !== "http:")
        throw new AtlasConfigError("baseUrl", `must use https: (or http: for a local mock), got ${url.protocol}`);
    if (url.username || url.password)
        throw new AtlasConfigError("baseUrl", "must not contain credentials; use the auth option");
    if (url.search || url.hash)
        throw new AtlasConfigError("baseUrl", "must not contain a query string or fragment");
    // Credentials and tokens must not cross a network in clear text; plain HTTP is for local mocks.
    if (authenticated && url.protocol === "http:" && !isLoopback(url.hostname) && !insecureHosts.includes(url.hostname)) {
        throw new AtlasConfigError("baseUrl", "must use https: when auth is set (http: is allowed only for localhost, 127.0.0.0/8 and the hosts named in insecureHttpHosts)");
    }
    return url.href.replace(/\/+$/, "");
}
function resolveAuth(value) {
    if (value === undefined)
        return { kind: "none" };
    if (!isRecord(value))
        throw new AtlasConfigError("auth", "must be an object");
    const keys = Object.keys(value);
    const matches = Object.entries(AUTH_SHAPES).filter(([, shapeKeys]) => shapeKeys.some((k) => keys.includes(k)));
    const expected = "{ clientId, clientSecret } (service account), { publicKey, privateKey } (API key) or { accessToken }";
    if (matches.length !== 1)
        throw new AtlasConfigError("auth", `must be exactly one of ${expected}`);
    const [kind, shapeKeys] = matches[0];
    rejectUnknownKeys(value, shapeKeys, "auth.");
    for (const key of shapeKeys) {
        const field = value[key];
        if (typeof field !== "string" || field.length === 0)
            throw new AtlasConfigError(`auth.${key}`, "must be a non-empty string");
        if (hasControlCharacters(field))
            throw new AtlasConfigError(`auth.${key}`, "must not contain control characters");
    }
    // These travel inside a header as they are (the public key inside a quoted digest parameter).
    if (kind === "accessToken" && !isHeaderSafe(value.accessToken))
        throw new AtlasConfigError("auth.accessToken", "must be printable ASCII");
    if (kind === "apiKey" && !isHeaderSafe(value.publicKey, /["\\]/))
        throw new AtlasConfigError("auth.publicKey", "must be printable ASCII without quotes or backslashes");
    return { kind, ...value };
}
function resolveRetry(value) {
    if (value === undefined)
        return { ...DEFAULT_RETRY };
    if (!isRecord(value))
        throw new AtlasConfigError("retry", "must be an object");
    rejectUnknownKeys(value, RETRY_KEYS, "retry.");
    const retry = { ...DEFAULT_RETRY };
    for (const key of RETRY_KEYS) {
        if (value[key] !== undefined)
            retry[key] = number(value[key], `retry.${key}`, key === "maxAttempts");
    }
    if (retry.maxDelayMs < retry.baseDelayMs)
        throw new AtlasConfigError("retry.maxDelayMs", `must be at least retry.baseDelayMs (${retry.baseDelayMs})`);
    return retry;
}
export function resolveOptions(options = {}) {
    if (!isRecord(options))
        throw new AtlasConfigError("options", "must be an object");
    rejectUnknownKeys(options, OPTION_KEYS, "");
    const auth = resolveAuth(options.auth);
    const baseUrl = resolveBaseUrl(options.baseUrl, auth.kind !== "none", resolveInsecureHosts(options.insecureHttpHosts));
    const timeoutMs = options.timeoutMs === undefined ? DEFAULT_TIMEOUT_MS : number(options.timeoutMs, "timeoutMs");
    const { userAgent } = options;
    if (userAgent !== undefined && (typeof userAgent !== "string" || userAgent.trim() === "" || !isHeaderSafe(userAgent))) {
        throw new AtlasConfigError("userAgent", "must be a non-empty string of printable ASCII");
    }
    const fetchImpl = options.fetch ?? globalThis.fetch;
    if (typeof fetchImpl !== "function")
        throw new AtlasConfigError("fetch", "must be a function");
    return { baseUrl, auth, retry: resolveRetry(options.retry), timeoutMs, userAgent, fetch: fetchImpl };
}
//# sourceMappingURL=options.js.map