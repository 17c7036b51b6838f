// orval, fetch client, sending through the mutator in orval-mutator.ts (see orval.config.ts).
import { createAtlasFetch } from "atlas-admin-openapi";
import { createProject, getOrganizationSettings } from "./generated/orval-fetch/api";
import { configureOrval } from "./orval-mutator";
import { NEW_PROJECT, ORG_ID, type CallContext, type CallResult } from "./shared";

// Recipe (docs/downstream.md): createAtlasFetch as the mutator's fetch.
export async function withRecipe({ baseUrl, token }: CallContext): Promise<CallResult> {
  const atlasFetch = createAtlasFetch({ baseUrl, auth: { accessToken: token } });
  configureOrval({ baseUrl, fetch: atlasFetch });
  await getOrganizationSettings(ORG_ID);
  const { data } = await createProject(NEW_PROJECT);
  await atlasFetch.close();
  return { project: data };
}
