// oazapfts (positional arguments, the default).
import { createAtlasFetch } from "atlas-admin-openapi";
import * as api from "./generated/oazapfts/api";
import { NEW_PROJECT, ORG_ID, type CallContext, type CallResult } from "./shared";

// Recipe (docs/downstream.md): createAtlasFetch as the fetch of every call (or of api.defaults).
export async function withRecipe({ baseUrl, token }: CallContext): Promise<CallResult> {
  const atlasFetch = createAtlasFetch({ baseUrl, auth: { accessToken: token } });
  const opts = { baseUrl, fetch: atlasFetch };
  await api.getOrganizationSettings(ORG_ID, {}, opts);
  const { data } = await api.createProject(NEW_PROJECT, {}, opts);
  await atlasFetch.close();
  return { project: data };
}
