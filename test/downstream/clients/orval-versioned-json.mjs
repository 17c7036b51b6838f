// orval input transformer (a recipe of docs/downstream.md): orval's zod output reads only `application/json` bodies, so
// each versioned Atlas media type (application/vnd.atlas.YYYY-MM-DD+json) is also listed under
// application/json, with the same schema. Use it for schema generation only: the fetch client
// would otherwise send application/json.
const VERSIONED = /^application\/vnd\.atlas\.\d{4}-\d{2}-\d{2}\+json$/;

function aliasJson(content) {
  if (!content || content["application/json"]) return;
  const versioned = Object.keys(content).find((type) => VERSIONED.test(type));
  if (versioned && content[versioned].schema) content["application/json"] = content[versioned];
}

export default function versionedJson(spec) {
  for (const item of Object.values(spec.paths ?? {})) {
    for (const operation of Object.values(item)) {
      if (typeof operation !== "object" || operation === null) continue;
      aliasJson(operation.requestBody?.content);
      for (const response of Object.values(operation.responses ?? {})) aliasJson(response.content);
    }
  }
  return spec;
}
