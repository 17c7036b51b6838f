// Issue 15: a createProject response always carries clusterCount, so its type must not be optional.
import { Api } from "./generated/swagger-typescript-api/api";
import { NEW_PROJECT } from "./shared";

export async function clusterCount(): Promise<number> {
  const { data } = await new Api().api.createProject(NEW_PROJECT);
  const count: number = data.clusterCount;
  return count;
}
