// openapi-typescript-codegen (fetch client), generated from the OpenAPI 3.0 companion with its recipe.
import { createAtlasFetch } from "atlas-admin-openapi";
import { OpenAPI, OrganizationsService, ProjectsService } from "./generated/openapi-typescript-codegen";
import { useAtlasFetch } from "./generated/openapi-typescript-codegen/core/request";
import { NEW_PROJECT, ORG_ID, type CallContext, type CallResult } from "./shared";

// Recipe (docs/downstream.md): generated with `--postfixModels Model --request templates/codegen-request.ts`: the
// request file sends through createAtlasFetch and parses the versioned JSON answers.
export async function withRecipe({ baseUrl, token }: CallContext): Promise<CallResult> {
  const atlasFetch = createAtlasFetch({ baseUrl, auth: { accessToken: token } });
  useAtlasFetch(atlasFetch);
  OpenAPI.BASE = baseUrl;
  await OrganizationsService.getOrganizationSettings(ORG_ID);
  const project = await ProjectsService.createProject(NEW_PROJECT);
  await atlasFetch.close();
  return { project };
}
