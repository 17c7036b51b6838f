// The code samples of one concrete request (finish-bundle.ts reads it from the document), one function per
// language: this file knows how each language spells a request, nothing of an operation.

/** One entry of Redocly's `x-codeSamples`. */
export type CodeSample = { lang: string; label: string; source: string };

/** A parameter's example: TypeScript gets it as it is, the URL gets its string form. */
export type ParameterValue = string | number | boolean;

/** One concrete request of an operation, with the document's example values filled in. */
export interface SampleRequest {
  method: string; // lower case, as in the document
  path: string; // the template ("/api/atlas/v2/groups/{groupId}"), as typed in the client's `paths`
  serverUrl: string; // the document's first server URL, without a trailing slash
  pathValues: Record<string, ParameterValue>; // every path parameter's example
  query: [string, ParameterValue][]; // required query parameters' examples, in document order
  accept: string;
  contentType?: string; // the request body's media type and example, when the operation takes a body
  body?: unknown;
  returnsData: boolean; // whether the 2xx response has a body (schema) to print
}

export const SAMPLE_LABELS = { curlServiceAccount: "cURL (service account)", curlApiKey: "cURL (API key)", typescript: "TypeScript" } as const;

/** The client options of the TypeScript sample, exactly as written: tests that run it against the mock replace this text. */
export const TYPESCRIPT_CLIENT_AUTH = "auth: { clientId: process.env.MDB_CLIENT_ID!, clientSecret: process.env.MDB_CLIENT_SECRET! }";

/** Quotes a word for POSIX shells: single quotes, each `'` written as `'\''`. */
const shellQuote = (word: string): string => `'${word.replaceAll("'", `'\\''`)}'`;

/** The page's curl: method and URL (path values percent-encoded, required query appended), authentication, headers and body. */
function curl(request: SampleRequest, authLine: string): string {
  const path = request.path.replace(/\{([^{}]+)\}/g, (_, name: string) => encodeURIComponent(String(request.pathValues[name])));
  const query = new URLSearchParams(request.query.map(([name, value]) => [name, String(value)])).toString();
  const lines = [`--request ${request.method.toUpperCase()} ${shellQuote(`${request.serverUrl}${path}${query ? `?${query}` : ""}`)}`, authLine];
  lines.push(`--header ${shellQuote(`Accept: ${request.accept}`)}`);
  if (request.contentType !== undefined) {
    lines.push(`--header ${shellQuote(`Content-Type: ${request.contentType}`)}`, `--data ${shellQuote(JSON.stringify(request.body, null, 2))}`);
  }
  return ["curl", ...lines.map((line) => `  ${line}`)].join(" \\\n") + "\n";
}

const LINE_WIDTH = 100;
const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/**
 * A JavaScript/TypeScript literal of a JSON value, laid out like Prettier would: on one line when the
 * line (`column` characters are already on it) stays within LINE_WIDTH, else one entry per line indented
 * from `indent`, with trailing commas; identifier keys unquoted.
 */
export function tsLiteral(value: unknown, indent = "", column = indent.length): string {
  if (typeof value !== "object" || value === null) return JSON.stringify(value);
  const entries: [string, unknown][] = Array.isArray(value)
    ? value.map((item) => ["", item])
    : Object.entries(value).map(([key, item]) => [`${IDENTIFIER.test(key) ? key : JSON.stringify(key)}: `, item]);
  if (entries.length === 0) return Array.isArray(value) ? "[]" : "{}";
  const [open, close] = Array.isArray(value) ? ["[", "]"] : ["{", "}"];
  const pad = Array.isArray(value) ? "" : " ";
  const inline = `${open}${pad}${entries.map(([key, item]) => key + tsLiteral(item, "", Number.NEGATIVE_INFINITY)).join(", ")}${pad}${close}`;
  // Containers print on one line when they fit; `column` -Infinity means "inside a one-line parent".
  if (!inline.includes("\n") && column + inline.length <= LINE_WIDTH) return inline;
  const inner = `${indent}  `;
  const lines = entries.map(([key, item]) => `${inner}${key}${tsLiteral(item, inner, inner.length + key.length)},`);
  return `${open}\n${lines.join("\n")}\n${indent}${close}`;
}

/** The call with this package's client, handling `error`; `baseUrl` only when the server is not the client's default. */
function typescript(request: SampleRequest): string {
  const init: Record<string, unknown> = {};
  const params: Record<string, unknown> = {};
  if (Object.keys(request.pathValues).length > 0) params.path = request.pathValues;
  if (request.query.length > 0) params.query = Object.fromEntries(request.query);
  if (Object.keys(params).length > 0) init.params = params;
  if (request.contentType !== undefined) init.body = request.body;
  const baseUrl = request.serverUrl === "https://cloud.mongodb.com" ? [] : [`  baseUrl: ${JSON.stringify(request.serverUrl)},`];
  const result = request.returnsData ? "{ data, error }" : "{ error, response }";
  const head = `const ${result} = await atlas.${request.method.toUpperCase()}(${JSON.stringify(request.path)}`;
  return [
    `import { createAtlasClient } from "atlas-admin-openapi";`,
    ``,
    `const atlas = createAtlasClient({\n${[...baseUrl, `  ${TYPESCRIPT_CLIENT_AUTH},`].join("\n")}\n});`,
    ``,
    Object.keys(init).length > 0 ? `${head}, ${tsLiteral(init, "", head.length + 2)});` : `${head});`,
    `await atlas.close();`,
    "if (error) throw new Error(`${error.errorCode}: ${error.detail ?? error.reason}`);",
    request.returnsData ? "console.log(data);" : "console.log(response.status);",
    ``,
  ].join("\n");
}

/** Every sample of one request, in the order the docs show them. */
export function codeSamples(request: SampleRequest): CodeSample[] {
  return [
    // Double quotes: the shell must expand $ACCESS_TOKEN.
    { lang: "curl", label: SAMPLE_LABELS.curlServiceAccount, source: curl(request, `--header "Authorization: Bearer $ACCESS_TOKEN"`) },
    { lang: "curl", label: SAMPLE_LABELS.curlApiKey, source: curl(request, `--digest --user "$PUBLIC_KEY:$PRIVATE_KEY"`) },
    { lang: "TypeScript", label: SAMPLE_LABELS.typescript, source: typescript(request) },
  ];
}
