// openapi-typescript-codegen (fetch client, default options) on the 3.0 companion.
import { OpenAPI } from "./generated/openapi-typescript-codegen-raw/core/OpenAPI";
import { OrganizationsService } from "./generated/openapi-typescript-codegen-raw/services/OrganizationsService";
import { ProjectsService } from "./generated/openapi-typescript-codegen-raw/services/ProjectsService";
import { NEW_PROJECT, ORG_ID, type CallContext, type CallResult } from "./shared";

export async function raw({ baseUrl, token }: CallContext): Promise<CallResult> {
  Object.assign(OpenAPI, { BASE: baseUrl, TOKEN: token, HEADERS: undefined });
  await OrganizationsService.getOrganizationSettings(ORG_ID);
  return { project: await ProjectsService.createProject(NEW_PROJECT) };
}
