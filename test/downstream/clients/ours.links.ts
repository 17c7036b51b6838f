// Issue 15: links is read-only, so a request body must not accept it.
import createClient from "openapi-fetch";
import type { paths } from "./generated/ours/atlas";
import { NEW_PROJECT } from "./shared";

export async function sendLinks(): Promise<void> {
  // @ts-expect-error links is read-only: refused in a request body
  await createClient<paths>().POST("/api/atlas/v2/groups", { body: { ...NEW_PROJECT, links: [] } });
}
