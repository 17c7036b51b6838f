// Issue 15: a createProject response always carries clusterCount, so its type must not be optional.
import { createProject } from "./generated/hey-api/sdk.gen";
import { NEW_PROJECT } from "./shared";

export async function clusterCount(): Promise<number | undefined> {
  const { data } = await createProject({ body: NEW_PROJECT });
  if (!data) return undefined;
  const count: number = data.clusterCount;
  return count;
}
