// orval, zod output, used beside the orval fetch client: the request body is checked with the
// generated body schema before sending and the answer parsed with the generated response schema.
import { createAtlasFetch } from "atlas-admin-openapi";
import { createProject, getOrganizationSettings } from "./generated/orval-fetch/api";
import { createProjectBody, createProjectResponse, getOrganizationSettingsResponse } from "./generated/orval-zod/recipe";
import { configureOrval } from "./orval-mutator";
import { NEW_PROJECT, ORG_ID, type CallContext, type CallResult } from "./shared";


// Recipe (README): schemas from orval-versioned-json.mjs + orval-unicode-patterns.mjs.
export async function withRecipe({ baseUrl, token }: CallContext): Promise<CallResult> {
  const atlasFetch = createAtlasFetch({ baseUrl, auth: { accessToken: token } });
  configureOrval({ baseUrl, fetch: atlasFetch });
  const settings = await getOrganizationSettings(ORG_ID);
  getOrganizationSettingsResponse.parse(settings.data);
  // Checked, but the caller's own object is sent: parse() would add regionUsageRestrictions' default,
  // a field commercial Atlas rejects in requests.
  createProjectBody.parse(NEW_PROJECT);
  const { data } = await createProject(NEW_PROJECT);
  await atlasFetch.close();
  return { project: createProjectResponse.parse(data), schemas: ["createProjectBody", "createProjectResponse", "getOrganizationSettingsResponse"] };
}
