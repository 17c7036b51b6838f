// Issue 15: a createProject response always carries clusterCount, so its type must not be optional.
import { createProject } from "./generated/kubb/clients/createProject";
import { NEW_PROJECT } from "./shared";

export async function clusterCount(): Promise<number> {
  const project = await createProject(NEW_PROJECT);
  const count: number = project.clusterCount;
  return count;
}
