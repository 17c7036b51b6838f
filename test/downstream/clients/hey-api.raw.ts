// @hey-api/openapi-ts with its fetch client, as its documentation shows it.
import { createClient } from "./generated/hey-api/client";
import { createProject, getOrganizationSettings } from "./generated/hey-api/sdk.gen";
import { NEW_PROJECT, ORG_ID, type CallContext, type CallResult } from "./shared";

export async function raw({ baseUrl, token }: CallContext): Promise<CallResult> {
  const client = createClient({ baseUrl, auth: () => token });
  await getOrganizationSettings({ client, path: { orgId: ORG_ID } });
  const { data } = await createProject({ client, body: NEW_PROJECT });
  return { project: data };
}
