// orval zod output from the document as it is: the calls go through the orval fetch client (with its recipe).
import { createAtlasFetch } from "atlas-admin-openapi";
import { createProject, getOrganizationSettings } from "./generated/orval-fetch/api";
import * as rawSchemas from "./generated/orval-zod/raw";
import { configureOrval } from "./orval-mutator";
import { NEW_PROJECT, ORG_ID, type CallContext, type CallResult } from "./shared";

/** The body and response schemas orval wrote from the document as it is (none: it reads only application/json). */
export function rawSchemaNames(): string[] {
  return Object.keys(rawSchemas).filter((name) => /^(createProject|getOrganizationSettings)(Body|Response)$/.test(name));
}

export async function raw(context: CallContext): Promise<CallResult> {
  const atlasFetch = createAtlasFetch({ baseUrl: context.baseUrl, auth: { accessToken: context.token } });
  configureOrval({ baseUrl: context.baseUrl, fetch: atlasFetch });
  await getOrganizationSettings(ORG_ID);
  const { data } = await createProject(NEW_PROJECT);
  await atlasFetch.close();
  return { project: data, schemas: rawSchemaNames() };
}
