// openapi-typescript-codegen custom request file (README recipe: `--request codegen-request.ts`).
// The generated fetch client parses only `application/json` answers (Atlas's versioned
// application/vnd.atlas.*+json come back as strings), always sends `Accept: application/json`, and
// cannot take another fetch. This replacement sends through createAtlasFetch (versioned media types,
// authentication, retries), set once with useAtlasFetch(), and parses any JSON media type.
import { createAtlasFetch, type AtlasFetch } from "atlas-admin-openapi";
import { ApiError } from "./ApiError";
import type { ApiRequestOptions } from "./ApiRequestOptions";
import type { ApiResult } from "./ApiResult";
import { CancelablePromise } from "./CancelablePromise";
import type { OpenAPIConfig } from "./OpenAPI";

let atlasFetch: AtlasFetch | undefined;

/** The fetch every service call goes through, e.g. createAtlasFetch({ auth: { clientId, clientSecret } }). */
export function useAtlasFetch(fetch: AtlasFetch): void {
  atlasFetch = fetch;
}

function urlOf(config: OpenAPIConfig, options: ApiRequestOptions): string {
  const path = options.url.replace(/\{(.*?)\}/g, (_, name: string) => encodeURIComponent(String(options.path?.[name])));
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(options.query ?? {})) {
    if (value !== undefined && value !== null) query.append(name, String(value));
  }
  const search = query.toString();
  return `${config.BASE}${path}${search ? `?${search}` : ""}`;
}

const JSON_MEDIA_TYPE = /^application\/(?:[\w.-]+\+)?json\b/i;

export const request = <T>(config: OpenAPIConfig, options: ApiRequestOptions): CancelablePromise<T> =>
  new CancelablePromise<T>(async (resolve, reject, onCancel) => {
    try {
      const fetch = atlasFetch ?? createAtlasFetch({ baseUrl: config.BASE });
      const controller = new AbortController();
      onCancel(() => controller.abort());
      const url = urlOf(config, options);
      const headers = new Headers(options.headers as Record<string, string> | undefined);
      if (options.body !== undefined) headers.set("Content-Type", options.mediaType ?? "application/json");
      const response = await fetch(url, {
        method: options.method,
        headers,
        ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
        signal: controller.signal,
      });
      const text = await response.text();
      const body: unknown = text && JSON_MEDIA_TYPE.test(response.headers.get("content-type") ?? "") ? JSON.parse(text) : text || undefined;
      const result: ApiResult = { url, ok: response.ok, status: response.status, statusText: response.statusText, body };
      if (!response.ok) throw new ApiError(options, result, options.errors?.[response.status] ?? `HTTP ${response.status}`);
      resolve(body as T);
    } catch (error) {
      reject(error);
    }
  });
