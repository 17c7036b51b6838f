// typed-openapi (types only, `-r none`): the client takes a fetcher you write; this is the plain one.
import { createApiClient, type Fetcher } from "./generated/typed-openapi/api";
import { NEW_PROJECT, ORG_ID, type CallContext, type CallResult } from "./shared";

export async function raw({ baseUrl, token }: CallContext): Promise<CallResult> {
  const fetcher: Fetcher = {
    fetch: ({ method, url, urlSearchParams, parameters, overrides }) => {
      if (urlSearchParams) url.search = urlSearchParams.toString();
      const body = (parameters as { body?: unknown } | undefined)?.body;
      const headers = { Authorization: `Bearer ${token}`, ...(body === undefined ? {} : { "Content-Type": "application/json" }) };
      return fetch(url, { ...overrides, method: method.toUpperCase(), headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
    },
  };
  const api = createApiClient(fetcher, baseUrl);
  await api.get("/api/atlas/v2/orgs/{orgId}/settings", { path: { orgId: ORG_ID }, query: {} });
  return { project: await api.post("/api/atlas/v2/groups", { body: NEW_PROJECT, query: {} }) };
}
