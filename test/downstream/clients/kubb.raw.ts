// Kubb 4 with its own fetch client (@kubb/plugin-client/clients/fetch), configured as its documentation shows.
import fetchClient from "@kubb/plugin-client/clients/fetch";
import { createProject } from "./generated/kubb/clients/createProject";
import { getOrganizationSettings } from "./generated/kubb/clients/getOrganizationSettings";
import { NEW_PROJECT, ORG_ID, type CallContext, type CallResult } from "./shared";

export async function raw({ baseUrl, token }: CallContext): Promise<CallResult> {
  fetchClient.setConfig({ baseURL: baseUrl, headers: { Authorization: `Bearer ${token}` } });
  await getOrganizationSettings(ORG_ID);
  return { project: await createProject(NEW_PROJECT) };
}
