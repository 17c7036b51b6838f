declare const HASHES: {
    readonly MD5: "md5";
    readonly "SHA-256": "sha256";
    readonly "SHA-512-256": "sha512-256";
};
type BaseAlgorithm = keyof typeof HASHES;
export type DigestAlgorithm = BaseAlgorithm | `${BaseAlgorithm}-sess`;
export interface Challenge {
    scheme: string;
    params: Record<string, string>;
}
export interface DigestChallenge {
    realm: string;
    nonce: string;
    opaque: string | undefined;
    algorithm: DigestAlgorithm;
    /** Only "auth" is supported: auth-int would need to hash bodies, and Atlas offers "auth". */
    qop: "auth";
    stale: boolean;
    userhash: boolean;
}
export interface DigestInput {
    challenge: DigestChallenge;
    username: string;
    password: string;
    method: string;
    /** The request-target exactly as sent: path plus query. */
    uri: string;
    /** Count of requests sent with this nonce, starting at 1. */
    nc: number;
    cnonce: string;
}
/**
 * Parses a WWW-Authenticate value (RFC 9110 §11.6.1) into challenges: `scheme` followed by
 * comma-separated `name=token` or `name="quoted string"` parameters. Several challenges may share
 * one header value (fetch joins repeated headers with ", ").
 */
export declare function parseChallenges(header: string): Challenge[];
/** The Digest challenge in a WWW-Authenticate value, or undefined when there is none. */
export declare function findDigestChallenge(header: string | null): DigestChallenge | undefined;
/** The `response` value of RFC 7616 §3.4.1 (qop=auth). */
export declare function computeDigestResponse({ challenge, username, password, method, uri, nc, cnonce }: DigestInput): string;
/** nc is eight lowercase hex digits (RFC 7616 §3.4). */
export declare function formatNc(nc: number): string;
/** The Authorization header value for one request (RFC 7616 §3.4). */
export declare function digestAuthorization(input: DigestInput): string;
export {};
//# sourceMappingURL=rfc7616.d.ts.map