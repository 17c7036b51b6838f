// @hey-api/openapi-ts with its fetch client (@hey-api/client-fetch, bundled into the output).
import { createAtlasFetch, mediaTypesForRequest } from "atlas-admin-openapi";
import { createClient } from "./generated/hey-api/client";
import { createProject, getOrganizationSettings } from "./generated/hey-api/sdk.gen";
import { NEW_PROJECT, ORG_ID, type CallContext, type CallResult } from "./shared";

// Recipe 1 (docs/downstream.md): an interceptor that sets the operation's versioned Accept.
export async function withRecipe({ baseUrl, token }: CallContext): Promise<CallResult> {
  const client = createClient({ baseUrl, auth: () => token });
  client.interceptors.request.use((request) => {
    const types = mediaTypesForRequest(request.method, new URL(request.url).pathname);
    if (types) request.headers.set("Accept", types.accept);
    return request;
  });
  await getOrganizationSettings({ client, path: { orgId: ORG_ID } });
  const { data } = await createProject({ client, body: NEW_PROJECT });
  return { project: data };
}

// Recipe 2 (docs/downstream.md): createAtlasFetch as the client's fetch: versions and authentication in one.
export async function withAtlasFetch({ baseUrl, token }: CallContext): Promise<CallResult> {
  const atlasFetch = createAtlasFetch({ baseUrl, auth: { accessToken: token } });
  const client = createClient({ baseUrl, fetch: atlasFetch });
  await getOrganizationSettings({ client, path: { orgId: ORG_ID } });
  const { data } = await createProject({ client, body: NEW_PROJECT });
  await atlasFetch.close();
  return { project: data };
}
