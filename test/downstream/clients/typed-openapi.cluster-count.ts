// Issue 15: a createProject response always carries clusterCount, so its type must not be optional.
import type { Schemas } from "./generated/typed-openapi/api";

export function clusterCount(project: Schemas.GroupResponse): number {
  const count: number = project.clusterCount;
  return count;
}
