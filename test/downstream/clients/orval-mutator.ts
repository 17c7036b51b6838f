// orval mutator (a recipe of docs/downstream.md): every generated function sends through `atlasMutator`, which takes
// its base URL and fetch from configureOrval(). With createAtlasFetch as that fetch, requests get
// the versioned Accept and Content-Type and the configured authentication.
let settings: { baseUrl: string; fetch: typeof fetch } = { baseUrl: "https://cloud.mongodb.com", fetch: globalThis.fetch };

export function configureOrval(next: { baseUrl: string; fetch: typeof fetch }): void {
  settings = next;
}

export async function atlasMutator<T>(url: string, init: RequestInit): Promise<T> {
  const response = await settings.fetch(`${settings.baseUrl}${url}`, init);
  const text = [204, 205, 304].includes(response.status) ? "" : await response.text();
  return { status: response.status, data: text ? JSON.parse(text) : undefined, headers: response.headers } as T;
}
