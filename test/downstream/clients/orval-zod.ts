// orval, zod output, used beside the orval fetch client: the request body is checked with the
// generated body schema before sending and the answer parsed with the generated response schema.
import { createAtlasFetch } from "atlas-admin-openapi";
import { createProject, getOrganizationSettings } from "./generated/orval-fetch/api";
import { createProjectBody, createProjectResponse, getOrganizationSettingsResponse } from "./generated/orval-zod/recipe";
import { configureOrval } from "./orval-mutator";
import { NEW_PROJECT, ORG_ID, type CallContext, type CallResult } from "./shared";


// Recipe (docs/downstream.md): schemas from orval-versioned-json.mjs + orval-unicode-patterns.mjs.
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

/** Issue 15 at run time: a response without clusterCount is refused, a request body with links too. */
export function readOnlyVerdict(): { clusterCountRequired: boolean; linksRefused: boolean } {
  const project = { id: "32b6e34b3d91647abb20e7b8", created: "2024-01-01T00:00:00Z", clusterCount: 0, ...NEW_PROJECT };
  const { clusterCount: _omitted, ...withoutClusterCount } = project;
  return {
    clusterCountRequired: createProjectResponse.safeParse(project).success && !createProjectResponse.safeParse(withoutClusterCount).success,
    linksRefused: createProjectBody.safeParse(NEW_PROJECT).success && !createProjectBody.safeParse({ ...NEW_PROJECT, links: [] }).success,
  };
}
