// openapi-zod-client with its defaults: a Zodios client (axios) and zod 3 schemas.
import { createApiClient } from "./generated/openapi-zod-client-raw/api";
import { NEW_PROJECT, ORG_ID, type CallContext, type CallResult } from "./shared";

/** The called operations whose answer the generator typed as void (it reads only application/json). */
function voidAnswers(api: ReturnType<typeof createApiClient>): string[] {
  const endpoints = api.api as ReadonlyArray<{ alias?: string; response: { _def: { typeName?: string } } }>;
  return endpoints.filter((e) => ["getOrganizationSettings", "createProject"].includes(e.alias ?? "") && e.response._def.typeName === "ZodVoid").map((e) => e.alias ?? "");
}

export async function raw({ baseUrl, token }: CallContext): Promise<CallResult> {
  const api = createApiClient(baseUrl, { axiosConfig: { headers: { Authorization: `Bearer ${token}` } } });
  const notes = new Set<string>();
  const voids = voidAnswers(api);
  if (voids.length > 0) notes.add(`answers typed void (${voids.join(", ")})`);
  // Zodios validates an answer with the generated schema: a refusal is part of the row.
  const settle = <T>(call: Promise<T>): Promise<T | undefined> =>
    call.catch((error: unknown) => {
      notes.add(`Zodios rejects the answer: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`);
      return undefined;
    });
  await settle(api.getOrganizationSettings({ params: { orgId: ORG_ID } }));
  return { project: await settle(api.createProject(NEW_PROJECT)), notes: [...notes] };
}
