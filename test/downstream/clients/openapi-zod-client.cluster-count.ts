// Issue 15: a createProject response always carries clusterCount, so its type must not be optional.
import { createApiClient } from "./generated/openapi-zod-client/api";
import { NEW_PROJECT } from "./shared";

export async function clusterCount(baseUrl: string): Promise<number> {
  const project = await createApiClient(baseUrl).createProject(NEW_PROJECT);
  const count: number = project.clusterCount;
  return count;
}
