// Issue 15: a createProject response always carries clusterCount, so its type must not be optional.
import * as api from "./generated/oazapfts/api";
import { NEW_PROJECT } from "./shared";

export async function clusterCount(): Promise<number | undefined> {
  const response = await api.createProject(NEW_PROJECT);
  if (response.status !== 200) return undefined;
  const count: number = response.data.clusterCount;
  return count;
}
