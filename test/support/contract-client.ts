/**
 * How the contract tests reach the mock: through the real client (createAtlasClient from src/, bearer
 * token auth) for everything the client is responsible for, and through a bare fetch for the few checks
 * that must bypass the client (is a request the client refuses to send also refused by the mock?).
 */
import { createAtlasClient, type AtlasAuth, type AtlasClient } from "../../src/index.js";
import type { JsonValue, Operation } from "./bundled-document.js";
import { DEFAULT_CREDENTIALS } from "../../scripts/serve/atlas/auth.js";

/** The mock's static test access token (docs/mock.md). */
export const MOCK_ACCESS_TOKEN = DEFAULT_CREDENTIALS.accessToken;

export interface RequestSpec {
  path: Record<string, string>;
  /** Query parameters; an undefined value leaves the parameter out. */
  query: Record<string, string | undefined>;
  /** The request body; undefined sends none. */
  body?: JsonValue | undefined;
  headers?: Record<string, string>;
}

export interface Outcome {
  /** Requests that reached the network (0: the client refused before sending). */
  sends: number;
  status?: number;
  contentType?: string | null;
  /** Prism's `sl-violations` header: what it found wrong with the request or its own response. */
  violations?: string | null;
  /** Parsed 2xx body (client) or any parsed body (raw). */
  data?: unknown;
  /** Parsed non-2xx body, as the client hands it back. */
  error?: unknown;
  /** What the client rejected with, if it did. */
  thrown?: unknown;
  /** Headers of the last request the client put on the wire. */
  sentHeaders?: Headers;
}

/** The client under test, pointed at the mock, with a fetch that counts what it sends. */
export function createContractClient(
  baseUrl: string,
  auth: AtlasAuth = { accessToken: MOCK_ACCESS_TOKEN },
): { client: AtlasClient; sent: () => number; lastHeaders: () => Headers | undefined } {
  let sends = 0;
  let lastHeaders: Headers | undefined;
  const recordingFetch: typeof fetch = (input, init) => {
    sends++;
    lastHeaders = new Headers(input instanceof Request ? input.headers : undefined);
    new Headers(init?.headers).forEach((value, name) => lastHeaders?.set(name, value));
    return fetch(input, init);
  };
  const client = createAtlasClient({ baseUrl, auth, fetch: recordingFetch });
  return { client, sent: () => sends, lastHeaders: () => lastHeaders };
}

function definedOnly(query: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(query).filter((entry): entry is [string, string] => entry[1] !== undefined));
}

/** Calls one operation through the client; never throws (a rejection is reported in `thrown`). */
export async function callWithClient(baseUrl: string, op: Operation, spec: RequestSpec, auth?: AtlasAuth): Promise<Outcome> {
  const { client, sent, lastHeaders } = createContractClient(baseUrl, auth);
  const init = {
    params: { path: spec.path, query: definedOnly(spec.query) },
    ...(spec.body === undefined ? {} : { body: spec.body }),
    headers: spec.headers ?? {},
  };
  try {
    // The operation comes from the document at run time, so its path and init cannot be typed statically.
    const result = await client.request(op.method, op.path as never, init as never);
    const { response } = result as { response: Response; data?: unknown; error?: unknown };
    return {
      sends: sent(),
      sentHeaders: lastHeaders(),
      status: response.status,
      contentType: response.headers.get("content-type"),
      violations: response.headers.get("sl-violations"),
      data: (result as { data?: unknown }).data,
      error: (result as { error?: unknown }).error,
    };
  } catch (thrown) {
    return { sends: sent(), sentHeaders: lastHeaders(), thrown };
  } finally {
    await client.close();
  }
}

/** The operation's 2xx media type and request body media type, read from the document. */
export function mediaTypesOf(op: Operation): { accept: string; contentType: string | undefined } {
  const success = op.responses.find((r) => r.code.startsWith("2"));
  const accept = success?.contents[0]?.mediaType ?? "application/json";
  return { accept, contentType: op.requestBody?.contents[0]?.mediaType };
}

/** Sends one request without the client: path values percent-encoded, bearer auth unless `auth` is false. */
export async function sendRaw(baseUrl: string, op: Operation, spec: RequestSpec, { auth = true } = {}): Promise<Outcome> {
  const { accept, contentType } = mediaTypesOf(op);
  const path = op.path.replace(/\{([^{}]+)\}/g, (_, name: string) => encodeURIComponent(spec.path[name] ?? ""));
  const query = new URLSearchParams(definedOnly(spec.query)).toString();
  const headers: Record<string, string> = { accept: `${accept}, application/json`, ...spec.headers };
  if (auth) headers.authorization = `Bearer ${MOCK_ACCESS_TOKEN}`;
  if (spec.body !== undefined && contentType) headers["content-type"] = contentType;
  const response = await fetch(`${baseUrl}${path}${query ? `?${query}` : ""}`, {
    method: op.method.toUpperCase(),
    headers,
    ...(spec.body === undefined ? {} : { body: JSON.stringify(spec.body) }),
  });
  const text = await response.text();
  let data: unknown = text;
  try {
    data = text === "" ? undefined : JSON.parse(text);
  } catch {
    // Not JSON: keep the text.
  }
  return { sends: 1, status: response.status, contentType: response.headers.get("content-type"), violations: response.headers.get("sl-violations"), data };
}

/** The body inside Atlas's envelope when the request asked for one (envelope=true), else the body itself. */
export function unwrapped(query: RequestSpec["query"], outcome: Outcome): unknown {
  if (query.envelope !== "true") return outcome.data;
  const { status, content } = (outcome.data ?? {}) as { status?: number; content?: unknown };
  if (status !== outcome.status) throw new Error(`envelope=true: the envelope's status ${status} is not the response's ${outcome.status}`);
  return content;
}
