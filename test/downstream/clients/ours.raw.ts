// openapi-typescript (default options) + openapi-fetch, as their documentation shows them.
import createClient from "openapi-fetch";
import type { paths } from "./generated/ours-raw/atlas";
import { NEW_PROJECT, ORG_ID, type CallContext, type CallResult } from "./shared";

export async function raw({ baseUrl, token }: CallContext): Promise<CallResult> {
  const client = createClient<paths>({ baseUrl, headers: { Authorization: `Bearer ${token}` } });
  await client.GET("/api/atlas/v2/orgs/{orgId}/settings", { params: { path: { orgId: ORG_ID } } });
  const { data } = await client.POST("/api/atlas/v2/groups", { body: NEW_PROJECT });
  return { project: data };
}
