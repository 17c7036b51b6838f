// oazapfts, as its documentation shows it.
import * as api from "./generated/oazapfts/api";
import { NEW_PROJECT, ORG_ID, type CallContext, type CallResult } from "./shared";

export async function raw({ baseUrl, token }: CallContext): Promise<CallResult> {
  const opts = { baseUrl, headers: { Authorization: `Bearer ${token}` } };
  await api.getOrganizationSettings(ORG_ID, {}, opts);
  const { data } = await api.createProject(NEW_PROJECT, {}, opts);
  return { project: data };
}
