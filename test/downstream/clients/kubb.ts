// Kubb 4, its generated functions called with a client that sends through createAtlasFetch.
import { createAtlasFetch } from "atlas-admin-openapi";
import { createProject } from "./generated/kubb/clients/createProject";
import { getOrganizationSettings } from "./generated/kubb/clients/getOrganizationSettings";
import { kubbClient } from "./kubb-client";
import { NEW_PROJECT, ORG_ID, type CallContext, type CallResult } from "./shared";

// Recipe (docs/downstream.md): the generated functions' client option.
export async function withRecipe({ baseUrl, token }: CallContext): Promise<CallResult> {
  const atlasFetch = createAtlasFetch({ baseUrl, auth: { accessToken: token } });
  const client = kubbClient(baseUrl, atlasFetch);
  await getOrganizationSettings(ORG_ID, {}, { client });
  const project = await createProject(NEW_PROJECT, {}, { client });
  await atlasFetch.close();
  return { project };
}
