// openapi-zod-client generated with --media-type-expr (see docs/downstream.md), its Zodios client sending through
// createAtlasFetch with axios' fetch adapter.
import { createAtlasFetch } from "atlas-admin-openapi";
import { createApiClient, schemas } from "./generated/openapi-zod-client/api";
import { NEW_PROJECT, ORG_ID, type CallContext, type CallResult } from "./shared";

// Recipe (docs/downstream.md): axios' fetch adapter with createAtlasFetch as its fetch. Zodios validates answers only
// when their Content-Type contains "application/json", so a versioned answer is parsed here.
export async function withRecipe({ baseUrl, token }: CallContext): Promise<CallResult> {
  const atlasFetch = createAtlasFetch({ baseUrl, auth: { accessToken: token } });
  const api = createApiClient(baseUrl, { axiosConfig: { adapter: "fetch", env: { fetch: atlasFetch } } });
  schemas.OrganizationSettings.parse(await api.getOrganizationSettings({ params: { orgId: ORG_ID } }));
  const project = schemas.GroupResponse.parse(await api.createProject(NEW_PROJECT));
  await atlasFetch.close();
  return { project, schemas: ["OrganizationSettings", "GroupResponse"] };
}
