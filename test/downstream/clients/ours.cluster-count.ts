// Issue 15: a createProject response always carries clusterCount, so its type must not be optional.
import createClient from "openapi-fetch";
import type { paths } from "./generated/ours/atlas";
import { NEW_PROJECT } from "./shared";

export async function clusterCount(): Promise<number | undefined> {
  const { data } = await createClient<paths>().POST("/api/atlas/v2/groups", { body: NEW_PROJECT });
  if (!data) return undefined;
  const count: number = data.clusterCount;
  return count;
}
