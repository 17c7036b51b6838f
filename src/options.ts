/**
 * Options of createAtlasClient and their validation. Everything is checked up front, before any
 * request, with an AtlasConfigError naming the field; unknown keys are rejected rather than ignored
 * (a misspelt `timeout` must not silently mean "no timeout"). Secret values never appear in messages.
 */
import { AtlasConfigError } from "./errors.js";

/** A Service Account's client credentials (OAuth 2.0 client credentials grant). */
export interface ServiceAccountAuth {
  clientId: string;
  clientSecret: string;
}

/** A programmatic API key (HTTP digest authentication). */
export interface ApiKeyAuth {
  publicKey: string;
  privateKey: string;
}

/** A bearer access token obtained elsewhere; the client neither refreshes nor revokes it. */
export interface AccessTokenAuth {
  accessToken: string;
}

export type AtlasAuth = ServiceAccountAuth | ApiKeyAuth | AccessTokenAuth;

export interface RetryOptions {
  /** Attempts in total, including the first. Default 3; 1 disables retries. */
  maxAttempts?: number;
  /** Backoff base: attempt n waits a random time in [0, min(maxDelayMs, baseDelayMs * 2^(n-1))]. Default 250. */
  baseDelayMs?: number;
  /** Upper bound of any wait, including a server's Retry-After. Default 20000. */
  maxDelayMs?: number;
}

export interface AtlasClientOptions {
  /** Default "https://cloud.mongodb.com". */
  baseUrl?: string;
  auth?: AtlasAuth;
  retry?: RetryOptions;
  /**
   * Limit for each HTTP exchange (each attempt, token request and digest round trip), from sending the
   * request to the last body byte. Default 30000. Exchanges share timers, so one is aborted between
   * timeoutMs and timeoutMs + timeoutMs/32 after it started.
   */
  timeoutMs?: number;
  /** Appended to the package's own User-Agent. */
  userAgent?: string;
  /** The fetch implementation to send requests with. Default globalThis.fetch. */
  fetch?: typeof fetch;
  /**
   * Host names (exactly as in baseUrl, e.g. "atlas-mock" for a CI service container running the mock)
   * that may be reached over plain http: with auth set. Credentials then cross that network in clear
   * text: name test hosts only. Loopback hosts need no entry. Default none.
   */
  insecureHttpHosts?: string[];
}

export type ResolvedAuth =
  | ({ kind: "serviceAccount" } & ServiceAccountAuth)
  | ({ kind: "apiKey" } & ApiKeyAuth)
  | ({ kind: "accessToken" } & AccessTokenAuth)
  | { kind: "none" };

export interface ResolvedOptions {
  /** Origin plus optional path prefix, without a trailing slash. */
  baseUrl: string;
  auth: ResolvedAuth;
  retry: Required<RetryOptions>;
  timeoutMs: number;
  userAgent: string | undefined;
  fetch: typeof fetch;
}

export const DEFAULT_BASE_URL = "https://cloud.mongodb.com";
export const DEFAULT_RETRY: Required<RetryOptions> = { maxAttempts: 3, baseDelayMs: 250, maxDelayMs: 20_000 };
export const DEFAULT_TIMEOUT_MS = 30_000;
/** setTimeout's largest delay; longer values fire immediately in Node. */
const MAX_TIMER_MS = 2_147_483_647;

const OPTION_KEYS = ["baseUrl", "auth", "retry", "timeoutMs", "userAgent", "fetch", "insecureHttpHosts"];
const RETRY_KEYS = Object.keys(DEFAULT_RETRY) as (keyof RetryOptions)[];
const AUTH_SHAPES: Record<Exclude<ResolvedAuth["kind"], "none">, readonly string[]> = {
  serviceAccount: ["clientId", "clientSecret"],
  apiKey: ["publicKey", "privateKey"],
  accessToken: ["accessToken"],
};

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function rejectUnknownKeys(object: Record<string, unknown>, known: readonly string[], prefix: string): void {
  for (const key of Object.keys(object)) {
    if (!known.includes(key)) throw new AtlasConfigError(`${prefix}${key}`, `unknown option (expected one of ${known.join(", ")})`);
  }
}

/** Header values and digest parameters cannot carry control characters; the message never shows the value. */
function hasControlCharacters(value: string): boolean {
  return /[\u0000-\u001f\u007f]/.test(value);
}

/** Printable ASCII (what a header value can carry unencoded), optionally minus some characters. */
function isHeaderSafe(value: string, forbidden?: RegExp): boolean {
  return /^[\x20-\x7e]+$/.test(value) && !(forbidden?.test(value) ?? false);
}

/** A number option: every one (a count or milliseconds) is at least 1 and at most setTimeout's largest delay. */
function number(value: unknown, field: string, integer = false): number {
  if (typeof value !== "number" || !Number.isFinite(value)) throw new AtlasConfigError(field, "must be a finite number");
  if (integer && !Number.isInteger(value)) throw new AtlasConfigError(field, "must be an integer");
  if (value < 1) throw new AtlasConfigError(field, "must be at least 1");
  if (value > MAX_TIMER_MS) throw new AtlasConfigError(field, `must be at most ${MAX_TIMER_MS}`);
  return value;
}

function isLoopback(hostname: string): boolean {
  return hostname === "localhost" || hostname === "[::1]" || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname);
}

function resolveInsecureHosts(value: unknown): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value) || value.some((host) => typeof host !== "string" || !/^[a-z0-9.-]+$/i.test(host))) {
    throw new AtlasConfigError("insecureHttpHosts", "must be an array of host names (letters, digits, dots and hyphens)");
  }
  return value.map((host: string) => host.toLowerCase());
}

function resolveBaseUrl(value: unknown, authenticated: boolean, insecureHosts: string[]): string {
  if (value === undefined) return DEFAULT_BASE_URL;
  if (typeof value !== "string") throw new AtlasConfigError("baseUrl", "must be a string");
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new AtlasConfigError("baseUrl", `must be an absolute URL, got ${JSON.stringify(value)}`);
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") throw new AtlasConfigError("baseUrl", `must use https: (or http: for a local mock), got ${url.protocol}`);
  if (url.username || url.password) throw new AtlasConfigError("baseUrl", "must not contain credentials; use the auth option");
  if (url.search || url.hash) throw new AtlasConfigError("baseUrl", "must not contain a query string or fragment");
  // Credentials and tokens must not cross a network in clear text; plain HTTP is for local mocks.
  if (authenticated && url.protocol === "http:" && !isLoopback(url.hostname) && !insecureHosts.includes(url.hostname)) {
    throw new AtlasConfigError("baseUrl", "must use https: when auth is set (http: is allowed only for localhost, 127.0.0.0/8 and the hosts named in insecureHttpHosts)");
  }
  return url.href.replace(/\/+$/, "");
}

function resolveAuth(value: unknown): ResolvedAuth {
  if (value === undefined) return { kind: "none" };
  if (!isRecord(value)) throw new AtlasConfigError("auth", "must be an object");
  const keys = Object.keys(value);
  const matches = Object.entries(AUTH_SHAPES).filter(([, shapeKeys]) => shapeKeys.some((k) => keys.includes(k)));
  const expected = "{ clientId, clientSecret } (service account), { publicKey, privateKey } (API key) or { accessToken }";
  if (matches.length !== 1) throw new AtlasConfigError("auth", `must be exactly one of ${expected}`);
  const [kind, shapeKeys] = matches[0]!;
  rejectUnknownKeys(value, shapeKeys, "auth.");
  for (const key of shapeKeys) {
    const field = value[key];
    if (typeof field !== "string" || field.length === 0) throw new AtlasConfigError(`auth.${key}`, "must be a non-empty string");
    if (hasControlCharacters(field)) throw new AtlasConfigError(`auth.${key}`, "must not contain control characters");
  }
  // These travel inside a header as they are (the public key inside a quoted digest parameter).
  if (kind === "accessToken" && !isHeaderSafe(value.accessToken as string)) throw new AtlasConfigError("auth.accessToken", "must be printable ASCII");
  if (kind === "apiKey" && !isHeaderSafe(value.publicKey as string, /["\\]/)) throw new AtlasConfigError("auth.publicKey", "must be printable ASCII without quotes or backslashes");
  return { kind, ...value } as ResolvedAuth;
}

function resolveRetry(value: unknown): Required<RetryOptions> {
  if (value === undefined) return { ...DEFAULT_RETRY };
  if (!isRecord(value)) throw new AtlasConfigError("retry", "must be an object");
  rejectUnknownKeys(value, RETRY_KEYS, "retry.");
  const retry = { ...DEFAULT_RETRY };
  for (const key of RETRY_KEYS) {
    if (value[key] !== undefined) retry[key] = number(value[key], `retry.${key}`, key === "maxAttempts");
  }
  if (retry.maxDelayMs < retry.baseDelayMs) throw new AtlasConfigError("retry.maxDelayMs", `must be at least retry.baseDelayMs (${retry.baseDelayMs})`);
  return retry;
}

export function resolveOptions(options: unknown = {}): ResolvedOptions {
  if (!isRecord(options)) throw new AtlasConfigError("options", "must be an object");
  rejectUnknownKeys(options, OPTION_KEYS, "");
  const auth = resolveAuth(options.auth);
  const baseUrl = resolveBaseUrl(options.baseUrl, auth.kind !== "none", resolveInsecureHosts(options.insecureHttpHosts));
  const timeoutMs = options.timeoutMs === undefined ? DEFAULT_TIMEOUT_MS : number(options.timeoutMs, "timeoutMs");
  const { userAgent } = options;
  if (userAgent !== undefined && (typeof userAgent !== "string" || userAgent.trim() === "" || !isHeaderSafe(userAgent))) {
    throw new AtlasConfigError("userAgent", "must be a non-empty string of printable ASCII");
  }
  const fetchImpl = options.fetch ?? globalThis.fetch;
  if (typeof fetchImpl !== "function") throw new AtlasConfigError("fetch", "must be a function");
  return { baseUrl, auth, retry: resolveRetry(options.retry), timeoutMs, userAgent, fetch: fetchImpl as typeof fetch };
}
