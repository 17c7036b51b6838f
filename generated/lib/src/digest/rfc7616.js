/**
 * HTTP Digest access authentication (RFC 7616), client side, as pure functions: parse a
 * WWW-Authenticate challenge, compute the response hash, format the Authorization header.
 *
 * Hand-written with node:crypto because the npm packages looked at do not fit: digest-fetch owns
 * the whole fetch round trip, picks its hash algorithm at construction rather than from the
 * challenge, draws cnonces from Math.random and can give two concurrent requests the same nc;
 * digest-header supports MD5 only, keeps one global nc across nonces, picks the first qop even
 * when that is auth-int, and lets neither nc nor cnonce be chosen (so RFC 7616's worked example
 * cannot be reproduced with it). The nonce reuse and stale handling live in transport/auth-digest.ts.
 */
import { createHash } from "node:crypto";
import { AtlasAuthError } from "../errors.js";
const HASHES = { "MD5": "md5", "SHA-256": "sha256", "SHA-512-256": "sha512-256" };
const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+/;
/**
 * Parses a WWW-Authenticate value (RFC 9110 §11.6.1) into challenges: `scheme` followed by
 * comma-separated `name=token` or `name="quoted string"` parameters. Several challenges may share
 * one header value (fetch joins repeated headers with ", ").
 */
export function parseChallenges(header) {
    const challenges = [];
    let rest = header;
    const skip = (pattern) => {
        rest = rest.replace(pattern, "");
    };
    while ((skip(/^[\s,]+/), rest.length > 0)) {
        const token = TOKEN.exec(rest)?.[0];
        if (!token)
            break; // not a token: stop rather than guess
        rest = rest.slice(token.length);
        skip(/^[ \t]*/);
        if (!rest.startsWith("=") || challenges.length === 0) {
            challenges.push({ scheme: token, params: {} });
            continue;
        }
        skip(/^=[ \t]*/);
        let value;
        const quoted = /^"((?:[^"\\]|\\.)*)"/.exec(rest);
        if (quoted) {
            value = quoted[1].replace(/\\(.)/g, "$1");
            rest = rest.slice(quoted[0].length);
        }
        else {
            value = /^[^,\s]*/.exec(rest)[0];
            rest = rest.slice(value.length);
        }
        challenges.at(-1).params[token.toLowerCase()] = value;
    }
    return challenges;
}
/** The Digest challenge in a WWW-Authenticate value, or undefined when there is none. */
export function findDigestChallenge(header) {
    if (header === null)
        return undefined;
    const found = parseChallenges(header).find((c) => c.scheme.toLowerCase() === "digest");
    if (!found)
        return undefined;
    const { realm, nonce, opaque, qop = "", algorithm = "MD5", stale = "", userhash = "" } = found.params;
    if (realm === undefined || nonce === undefined)
        throw new AtlasAuthError("Digest challenge without realm or nonce", 401);
    const base = algorithm.replace(/-sess$/i, "").toUpperCase();
    if (!(base in HASHES))
        throw new AtlasAuthError(`Digest challenge uses unsupported algorithm ${algorithm}`, 401);
    const offered = qop.split(",").map((q) => q.trim().toLowerCase());
    if (!offered.includes("auth"))
        throw new AtlasAuthError(`Digest challenge offers qop "${qop}", only "auth" is supported`, 401);
    const sess = /-sess$/i.test(algorithm) ? "-sess" : "";
    return {
        realm,
        nonce,
        opaque,
        algorithm: `${base}${sess}`,
        qop: "auth",
        stale: stale.toLowerCase() === "true",
        userhash: userhash.toLowerCase() === "true",
    };
}
function hashFor(algorithm) {
    const name = HASHES[algorithm.replace(/-sess$/, "")];
    return (data) => createHash(name).update(data, "utf8").digest("hex");
}
/** The `response` value of RFC 7616 §3.4.1 (qop=auth). */
export function computeDigestResponse({ challenge, username, password, method, uri, nc, cnonce }) {
    const H = hashFor(challenge.algorithm);
    let ha1 = H(`${username}:${challenge.realm}:${password}`);
    if (challenge.algorithm.endsWith("-sess"))
        ha1 = H(`${ha1}:${challenge.nonce}:${cnonce}`);
    const ha2 = H(`${method}:${uri}`);
    return H(`${ha1}:${challenge.nonce}:${formatNc(nc)}:${cnonce}:${challenge.qop}:${ha2}`);
}
/** nc is eight lowercase hex digits (RFC 7616 §3.4). */
export function formatNc(nc) {
    return nc.toString(16).padStart(8, "0");
}
const quote = (value) => `"${value.replace(/(["\\])/g, "\\$1")}"`;
/** The Authorization header value for one request (RFC 7616 §3.4). */
export function digestAuthorization(input) {
    const { challenge, username, uri, nc, cnonce } = input;
    const user = challenge.userhash ? hashFor(challenge.algorithm)(`${username}:${challenge.realm}`) : username;
    const parts = [
        `username=${quote(user)}`,
        `realm=${quote(challenge.realm)}`,
        `uri=${quote(uri)}`,
        `algorithm=${challenge.algorithm}`,
        `nonce=${quote(challenge.nonce)}`,
        `nc=${formatNc(nc)}`,
        `cnonce=${quote(cnonce)}`,
        `qop=${challenge.qop}`,
        `response=${quote(computeDigestResponse(input))}`,
    ];
    if (challenge.opaque !== undefined)
        parts.push(`opaque=${quote(challenge.opaque)}`);
    if (challenge.userhash)
        parts.push("userhash=true");
    return `Digest ${parts.join(", ")}`;
}
//# sourceMappingURL=rfc7616.js.map