// A Kubb client (the `client` option every generated function takes) that sends through any fetch, e.g.
// createAtlasFetch: Kubb's own fetch client always calls globalThis.fetch.
import type { Client, RequestConfig, ResponseConfig } from "@kubb/plugin-client/clients/fetch";

export function kubbClient(baseUrl: string, send: typeof fetch): Client {
  return async <TData, _TError = unknown, TVariables = unknown>(config: RequestConfig<TVariables>): Promise<ResponseConfig<TData>> => {
    const url = new URL(`${config.baseURL ?? baseUrl}${config.url ?? ""}`);
    for (const [key, value] of Object.entries(config.params ?? {})) if (value !== undefined) url.searchParams.append(key, String(value));
    const body = config.data === undefined ? undefined : JSON.stringify(config.data);
    const response = await send(url, { method: config.method, headers: config.headers, body, signal: config.signal });
    const text = [204, 205, 304].includes(response.status) ? "" : await response.text();
    return { data: (text ? JSON.parse(text) : undefined) as TData, status: response.status, statusText: response.statusText, headers: response.headers };
  };
}
