/**
 * The versioned media types of one operation, read from the bundled document: the one 2xx media type
 * (`Accept`) and the one request body media type (`Content-Type`). Shared by scripts/generate/generate.ts (the
 * client's map) and scripts/bundle/finish-bundle.ts (the code samples), so both send the same headers.
 */
export const VERSIONED_MEDIA_TYPE = /^application\/vnd\.atlas\.\d{4}-\d{2}-\d{2}\+json$/;

export interface MediaTypes {
  accept: string;
  contentType?: string;
}

type Json = Record<string, any>;

/**
 * `op` is the operation object of the bundled document with its responses and request body inline
 * (Redocly's bundle inlines them; a `$ref`'d one must be resolved by the caller).
 */
export function operationMediaTypes(id: string, method: string, path: string, op: Json): MediaTypes {
  const success = Object.entries<Json>(op.responses ?? {}).filter(([code]) => code.startsWith("2"));
  const accepts = new Set(success.flatMap(([, r]) => Object.keys(r.content ?? {})).filter((m) => VERSIONED_MEDIA_TYPE.test(m)));
  if (accepts.size !== 1) {
    throw new Error(`${id} (${method.toUpperCase()} ${path}): expected exactly one versioned 2xx media type, found ${[...accepts].join(", ") || "none"}`);
  }
  const [accept] = accepts as Set<string>;
  const types: MediaTypes = { accept: accept! };
  const bodyTypes = Object.keys(op.requestBody?.content ?? {});
  if (bodyTypes.length > 0) {
    const versioned = bodyTypes.filter((m) => VERSIONED_MEDIA_TYPE.test(m));
    if (versioned.length !== 1) throw new Error(`${id}: expected exactly one versioned request media type, found ${bodyTypes.join(", ")}`);
    types.contentType = versioned[0];
  }
  return types;
}
