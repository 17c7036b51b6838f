// Issue 15: links is read-only, so a request body must not accept it.
import { createProject } from "./generated/kubb/clients/createProject";
import { NEW_PROJECT } from "./shared";

export async function sendLinks(): Promise<void> {
  // @ts-expect-error links is read-only: refused in a request body
  await createProject({ ...NEW_PROJECT, links: [] });
}
