// orval fetch client through the mutator, with global fetch and a bearer header.
import { createProject, getOrganizationSettings } from "./generated/orval-fetch/api";
import { configureOrval } from "./orval-mutator";
import { NEW_PROJECT, ORG_ID, type CallContext, type CallResult } from "./shared";

export async function raw({ baseUrl, token }: CallContext): Promise<CallResult> {
  configureOrval({ baseUrl, fetch: globalThis.fetch });
  const headers = { Authorization: `Bearer ${token}` };
  await getOrganizationSettings(ORG_ID, undefined, { headers });
  const { data } = await createProject(NEW_PROJECT, undefined, { headers });
  return { project: data };
}
