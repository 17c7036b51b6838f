// Issue 15: a createProject response always carries clusterCount, so its type must not be optional.
import { ProjectsService } from "./generated/openapi-typescript-codegen";
import { NEW_PROJECT } from "./shared";

export async function clusterCount(): Promise<number> {
  const project = await ProjectsService.createProject(NEW_PROJECT);
  const count: number = project.clusterCount;
  return count;
}
