// Issue 15: links is read-only, so a request body must not accept it.
import { createApiClient } from "./generated/openapi-zod-client/api";
import { NEW_PROJECT } from "./shared";

export async function sendLinks(baseUrl: string): Promise<void> {
  // @ts-expect-error links is read-only: refused in a request body
  await createApiClient(baseUrl).createProject({ ...NEW_PROJECT, links: [] });
}
