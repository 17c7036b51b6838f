// typed-openapi (types only, `-r none`) with a fetcher that sends through createAtlasFetch.
import { createAtlasFetch } from "atlas-admin-openapi";
import { createApiClient, type Fetcher } from "./generated/typed-openapi/api";
import { NEW_PROJECT, ORG_ID, type CallContext, type CallResult } from "./shared";

// Recipe (docs/downstream.md): the fetcher leaves media types and credentials to createAtlasFetch.
export async function withRecipe({ baseUrl, token }: CallContext): Promise<CallResult> {
  const atlasFetch = createAtlasFetch({ baseUrl, auth: { accessToken: token } });
  const fetcher: Fetcher = {
    fetch: ({ method, url, urlSearchParams, parameters, overrides }) => {
      if (urlSearchParams) url.search = urlSearchParams.toString();
      const body = (parameters as { body?: unknown } | undefined)?.body;
      return atlasFetch(url, { ...overrides, method: method.toUpperCase(), ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
    },
  };
  const api = createApiClient(fetcher, baseUrl);
  await api.get("/api/atlas/v2/orgs/{orgId}/settings", { path: { orgId: ORG_ID }, query: {} });
  const project = await api.post("/api/atlas/v2/groups", { body: NEW_PROJECT, query: {} });
  await atlasFetch.close();
  return { project };
}
