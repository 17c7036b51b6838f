/**
 * Path parameters can never change which path a request goes to. Each value is percent-encoded
 * whole (so "a/b", "?" or "#" stay inside their segment), and values that encoding cannot make
 * safe are rejected before anything is sent, with an AtlasPathParameterError naming the parameter:
 *  - "" (would merge two segments), "." and ".." (dot segments: the URL parser resolves them, and
 *    it treats "%2e" as a dot too, so encoding does not help);
 *  - control characters such as CR/LF (encoded they could not split headers, but no Atlas
 *    identifier contains one, so they are refused as a likely injection attempt);
 *  - anything but a string or a finite number, and a missing or unexpected parameter.
 */
import type { PathSerializer } from "openapi-fetch";
/** The encoded segment for one path parameter value, or an AtlasPathParameterError. */
export declare function encodePathParameter(name: string, value: unknown): string;
/** openapi-fetch pathSerializer: fills every {name} of the template with its encoded value. */
export declare const pathSerializer: PathSerializer;
/** openapi-fetch only calls the serializer when `params.path` is given: catch its absence here. */
export declare function assertPathParamsGiven(schemaPath: string, pathParams: unknown): void;
//# sourceMappingURL=path-params.d.ts.map