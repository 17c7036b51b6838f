// The code samples of one concrete request (scripts/bundle/finish-bundle.ts reads it from the document),
// one function per language: this file knows how each language spells a request, nothing of an operation.

/** One entry of Redocly's `x-codeSamples`. */
export type CodeSample = { lang: string; label: string; source: string };

/** A parameter's example: TypeScript gets it as it is, the URL gets its string form. */
export type ParameterValue = string | number | boolean;

/** One concrete request of an operation, with the document's example values filled in. */
export interface SampleRequest {
  operationId: string;
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

export const SAMPLE_LABELS = {
  curlServiceAccount: "cURL (service account)",
  curlApiKey: "cURL (API key)",
  typescript: "TypeScript",
} as const;

/** The client's default base URL: a TypeScript sample names `baseUrl` only when the document's server differs. */
export const CLIENT_DEFAULT_BASE_URL = "https://cloud.mongodb.com";

/**
 * The client options of the TypeScript sample, exactly as written in it: tests that run the sample
 * against the mock replace this text (service account → test token and the mock's URL).
 */
export const TYPESCRIPT_CLIENT_AUTH =
  "auth: { clientId: process.env.MDB_CLIENT_ID!, clientSecret: process.env.MDB_CLIENT_SECRET! }";

/** Quotes a word for POSIX shells: single quotes, each `'` written as `'\''`. */
export function shellQuote(word: string): string {
  return `'${word.replaceAll("'", `'\\''`)}'`;
}

/** The full request URL: path values percent-encoded, required query parameters appended. */
export function requestUrl(request: SampleRequest): string {
  const path = request.path.replace(/\{([^{}]+)\}/g, (_, name: string) => {
    const value = request.pathValues[name];
    if (value === undefined) throw new Error(`${request.operationId}: no value for path parameter ${name}`);
    return encodeURIComponent(String(value));
  });
  const query = new URLSearchParams(request.query.map(([name, value]) => [name, String(value)])).toString();
  return `${request.serverUrl}${path}${query ? `?${query}` : ""}`;
}

/** curl's headers and body, one argument pair a line. */
function curlHeaderLines(request: SampleRequest): string[] {
  const lines = [`--header ${shellQuote(`Accept: ${request.accept}`)}`];
  if (request.contentType !== undefined) {
    if (request.body === undefined) throw new Error(`${request.operationId}: a request body media type but no example body`);
    lines.push(`--header ${shellQuote(`Content-Type: ${request.contentType}`)}`, `--data ${shellQuote(JSON.stringify(request.body, null, 2))}`);
  }
  return lines;
}

/** The page's layout: method and URL first, then the authentication, headers and body. */
function curlCommand(authLine: string, request: SampleRequest): string {
  const lines = [`--request ${request.method.toUpperCase()} ${shellQuote(requestUrl(request))}`, authLine, ...curlHeaderLines(request)];
  return ["curl", ...lines.map((line) => `  ${line}`)].join(" \\\n") + "\n";
}

/** The page's curl with a service account's access token (`$ACCESS_TOKEN`), made complete. */
export function curlServiceAccountSample(request: SampleRequest): CodeSample {
  // Double quotes: the shell must expand $ACCESS_TOKEN.
  return { lang: "curl", label: SAMPLE_LABELS.curlServiceAccount, source: curlCommand(`--header "Authorization: Bearer $ACCESS_TOKEN"`, request) };
}

/** The same request with a programmatic API key (HTTP digest). */
export function curlApiKeySample(request: SampleRequest): CodeSample {
  return { lang: "curl", label: SAMPLE_LABELS.curlApiKey, source: curlCommand(`--digest --user "$PUBLIC_KEY:$PRIVATE_KEY"`, request) };
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

/** The call with this package's client, handling `error`. */
export function typescriptSample(request: SampleRequest): CodeSample {
  const method = request.method.toUpperCase();
  const init: Record<string, unknown> = {};
  const params: Record<string, unknown> = {};
  if (Object.keys(request.pathValues).length > 0) params.path = request.pathValues;
  if (request.query.length > 0) params.query = Object.fromEntries(request.query);
  if (Object.keys(params).length > 0) init.params = params;
  if (request.contentType !== undefined) init.body = request.body;
  const options = [...(request.serverUrl === CLIENT_DEFAULT_BASE_URL ? [] : [`  baseUrl: ${JSON.stringify(request.serverUrl)},`]), `  ${TYPESCRIPT_CLIENT_AUTH},`];
  const result = request.returnsData ? "{ data, error }" : "{ error, response }";
  const head = `const ${result} = await atlas.${method}(${JSON.stringify(request.path)}`;
  const call = Object.keys(init).length > 0 ? `${head}, ${tsLiteral(init, "", head.length + 2)});` : `${head});`;
  const success = request.returnsData ? "console.log(data);" : "console.log(response.status);";
  const source = [
    `import { createAtlasClient } from "atlas-admin-openapi";`,
    ``,
    `const atlas = createAtlasClient({\n${options.join("\n")}\n});`,
    ``,
    call,
    `await atlas.close();`,
    "if (error) throw new Error(`${error.errorCode}: ${error.detail ?? error.reason}`);",
    success,
    ``,
  ].join("\n");
  return { lang: "TypeScript", label: SAMPLE_LABELS.typescript, source };
}

/** Every sample of one request, in the order the docs show them. */
export function codeSamples(request: SampleRequest): CodeSample[] {
  return [curlServiceAccountSample(request), curlApiKeySample(request), typescriptSample(request)];
}
