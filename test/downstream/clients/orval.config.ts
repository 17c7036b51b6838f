// orval configuration of the matrix (and of the orval recipes of docs/downstream.md), run from the project root
// (orval loads a .ts config by bundling it; an .mjs config with a default export is not read on Node 20).
const atlasDocument = "node_modules/atlas-admin-openapi/generated/openapi.json";

export default {
  // The fetch client, sending through a mutator: orval's way to choose the fetch, base URL and headers.
  atlasFetch: {
    input: { target: atlasDocument },
    output: {
      target: "clients/generated/orval-fetch/api.ts",
      client: "fetch",
      override: { mutator: { path: "clients/orval-mutator.ts", name: "atlasMutator" } },
    },
  },
  // zod schemas as orval writes them from the document as it is.
  atlasZodRaw: {
    input: { target: atlasDocument },
    output: { target: "clients/generated/orval-zod/raw.ts", client: "zod" },
  },
  // zod schemas with the recipe: an input transformer that lets orval see the versioned media types,
  // strict body schemas (a read-only or unknown field is refused, not silently dropped), and a hook
  // that gives Unicode patterns their `u` flag.
  atlasZod: {
    input: { target: atlasDocument, override: { transformer: "clients/orval-versioned-json.mjs" } },
    output: { target: "clients/generated/orval-zod/recipe.ts", client: "zod", override: { zod: { strict: { body: true } } } },
    hooks: { afterAllFilesWrite: "node clients/orval-unicode-patterns.mjs" },
  },
};
