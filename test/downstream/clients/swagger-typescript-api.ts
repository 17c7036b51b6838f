// swagger-typescript-api (fetch http client, the default).
import { createAtlasFetch } from "atlas-admin-openapi";
import { Api } from "./generated/swagger-typescript-api/api";
import { NEW_PROJECT, ORG_ID, type CallContext, type CallResult } from "./shared";

// Recipe (docs/downstream.md): createAtlasFetch as customFetch.
export async function withRecipe({ baseUrl, token }: CallContext): Promise<CallResult> {
  const atlasFetch = createAtlasFetch({ baseUrl, auth: { accessToken: token } });
  const api = new Api({ baseUrl, customFetch: atlasFetch });
  await api.api.getOrganizationSettings(ORG_ID);
  const { data } = await api.api.createProject(NEW_PROJECT);
  await atlasFetch.close();
  return { project: data };
}
