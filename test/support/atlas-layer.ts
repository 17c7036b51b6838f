/**
 * What the Atlas-mock tests share: the test credentials, plain requests to the mock, and an Atlas layer
 * of their own over the contract suite's Prism (inject("mockPrismUrl")) for settings the shared mock
 * must not have (a tight rate limit, second-long tokens and nonces).
 */
import { afterAll, inject } from "vitest";
import { DEFAULT_CREDENTIALS } from "../../scripts/serve/atlas/auth.js";
import { createAtlasLayer, type LayerOptions } from "../../scripts/serve/atlas/layer.js";
import { listenLayer } from "../../scripts/serve/atlas/mock-server.js";
import { readBundledDocument } from "./bundled-document.js";

export const CREDENTIALS = DEFAULT_CREDENTIALS;
export const ORG_ID = "4888442a3354817a7320eb61";
export const GROUP_ID = "32b6e34b3d91647abb20e7b8";
export const SETTINGS = `/api/atlas/v2/orgs/${ORG_ID}/settings`;
export const V2023 = "application/vnd.atlas.2023-01-01+json";
export const BEARER = `Bearer ${CREDENTIALS.accessToken}`;

export interface Answer {
  status: number;
  type: string | null;
  headers: Headers;
  text: string;
  /** The parsed body (undefined when empty or not JSON). */
  body: any;
}

export async function call(baseUrl: string, path: string, init: RequestInit = {}): Promise<Answer> {
  const response = await fetch(`${baseUrl}${path}`, init);
  const text = await response.text();
  let body: unknown;
  try {
    body = text === "" ? undefined : JSON.parse(text);
  } catch {
    // Not JSON: the test looks at `text`.
  }
  return { status: response.status, type: response.headers.get("content-type"), headers: response.headers, text, body };
}

/** A service-account token from the mock's token endpoint (HTTP Basic client authentication). */
export async function fetchToken(baseUrl: string): Promise<string> {
  const answer = await call(baseUrl, "/api/oauth/token", {
    method: "POST",
    headers: { authorization: `Basic ${btoa(`${CREDENTIALS.clientId}:${CREDENTIALS.clientSecret}`)}`, "content-type": "application/x-www-form-urlencoded" },
    body: "grant_type=client_credentials",
  });
  if (answer.status !== 200) throw new Error(`token endpoint answered ${answer.status}: ${answer.text}`);
  return answer.body.access_token as string;
}

/** An Atlas layer with `options` over the shared Prism, on a free port, closed after the file's tests. */
export async function ownLayer(options: Partial<Omit<LayerOptions, "doc" | "prismUrl">>): Promise<string> {
  const layer = await listenLayer(createAtlasLayer({ doc: readBundledDocument(), prismUrl: inject("mockPrismUrl"), credentials: CREDENTIALS, ...options }));
  afterAll(() => layer.stop());
  return layer.url;
}
