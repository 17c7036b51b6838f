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

/** With only the Accept header fixed (OpenAPI.HEADERS), what the generated client hands back for a versioned JSON answer. */
export async function answerWithAcceptFixed({ baseUrl, token }: CallContext): Promise<unknown> {
  Object.assign(OpenAPI, { BASE: baseUrl, TOKEN: token, HEADERS: { Accept: "application/vnd.atlas.2023-01-01+json" } });
  try {
    return await OrganizationsService.getOrganizationSettings(ORG_ID);
  } finally {
    OpenAPI.HEADERS = undefined;
  }
}
