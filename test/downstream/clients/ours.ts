// openapi-typescript (with this project's options: --read-write-markers --default-non-nullable=false) +
// openapi-fetch with this package's createAtlasFetch as its fetch; then createAtlasClient itself.
import createClient from "openapi-fetch";
import { createAtlasClient, createAtlasFetch } from "atlas-admin-openapi";
import type { paths } from "./generated/ours/atlas";
import { NEW_PROJECT, ORG_ID, type CallContext, type CallResult } from "./shared";

export async function withRecipe({ baseUrl, token }: CallContext): Promise<CallResult> {
  const atlasFetch = createAtlasFetch({ baseUrl, auth: { accessToken: token } });
  const client = createClient<paths>({ baseUrl, fetch: atlasFetch });
  await client.GET("/api/atlas/v2/orgs/{orgId}/settings", { params: { path: { orgId: ORG_ID } } });
  const { data } = await client.POST("/api/atlas/v2/groups", { body: NEW_PROJECT });
  await atlasFetch.close();
  // The package's own client needs no recipe; it is here so the matrix shows it beside the others.
  const atlas = createAtlasClient({ baseUrl, auth: { accessToken: token } });
  await atlas.GET("/api/atlas/v2/orgs/{orgId}/settings", { params: { path: { orgId: ORG_ID } } });
  const own = await atlas.POST("/api/atlas/v2/groups", { body: NEW_PROJECT });
  await atlas.close();
  return { project: own.data ?? data };
}
