// swagger-typescript-api, as its documentation shows it.
import { Api } from "./generated/swagger-typescript-api/api";
import { NEW_PROJECT, ORG_ID, type CallContext, type CallResult } from "./shared";

export async function raw({ baseUrl, token }: CallContext): Promise<CallResult> {
  const api = new Api({ baseUrl, securityWorker: () => ({ headers: { Authorization: `Bearer ${token}` } }) });
  await api.api.getOrganizationSettings(ORG_ID);
  const { data } = await api.api.createProject(NEW_PROJECT);
  return { project: data };
}
