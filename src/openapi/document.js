// The one place for what every reader of a bundled OpenAPI document needs: the HTTP methods, local
// JSON pointers and $refs, the operations, merged parameters and versioned media types. Plain
// JavaScript (types in document.d.ts) because the Spectral ruleset imports it too;
// it lives in src/ because the client uses it as well (compiled library: copied beside tsc's output).

/** The keys of a path item that hold operations. */
export const HTTP_METHODS = Object.freeze(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']);
/** The same, as openapi-fetch names its calls (GET, PUT, ...). */
export const HTTP_METHODS_UPPERCASE = Object.freeze(HTTP_METHODS.map(method => method.toUpperCase()));

export const VERSIONED_MEDIA_TYPE = /^application\/vnd\.atlas\.\d{4}-\d{2}-\d{2}\+json$/;

const MAX_REF_HOPS = 32;

export function isObject(value) {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function decodeSegment(segment) {
  return segment.replaceAll('~1', '/').replaceAll('~0', '~');
}

/** ['paths', '/a'] -> '#/paths/~1a'. */
export function pointerOf(keys) {
  return `#${keys.map(key => '/' + String(key).replaceAll('~', '~0').replaceAll('/', '~1')).join('')}`;
}

/** The keys of a local pointer ('#/a~1b/c' -> ['a/b', 'c']), or undefined when it is not local. */
export function pointerKeys(pointer) {
  if (typeof pointer !== 'string' || !pointer.startsWith('#')) return undefined;
  if (pointer === '#' || pointer === '#/') return [];
  return pointer.slice(2).split('/').map(segment => decodeSegment(decodeURIComponent(segment)));
}

/** The value a local pointer leads to, or undefined when it is not local or leads nowhere. */
export function valueAtPointer(doc, pointer) {
  const keys = pointerKeys(pointer);
  if (keys === undefined) return undefined;
  let node = doc;
  for (const key of keys) {
    if (typeof node !== 'object' || node === null || !Object.hasOwn(node, key)) return undefined;
    node = Array.isArray(node) ? node[Number(key)] : node[key];
  }
  return node;
}

/**
 * Follows local $refs from `node` to what they name: { value, pointer } (pointer: the last $ref followed,
 * or `at` when node is no $ref); undefined when a $ref leads nowhere, is not local, or loops.
 */
export function followRefs(doc, node, at) {
  let value = node;
  let pointer = at;
  for (let hops = 0; isObject(value) && typeof value.$ref === 'string'; hops++) {
    if (hops > MAX_REF_HOPS) return undefined;
    pointer = value.$ref;
    value = valueAtPointer(doc, pointer);
    if (value === undefined) return undefined;
  }
  return { value, pointer };
}

/** followRefs that must end at an object; throws naming `where` otherwise. */
export function resolveObject(doc, node, where, at) {
  const found = followRefs(doc, node, at);
  if (found === undefined) throw new Error(`${where}: $ref ${node?.$ref} does not resolve in the bundled document`);
  if (!isObject(found.value)) throw new Error(`${where}: expected an object`);
  return found;
}

/** Calls visit({ path, method, operation, pathItem, pointer }) for every operation, in document order. */
export function forEachOperation(doc, visit) {
  for (const [path, raw] of Object.entries(isObject(doc?.paths) ? doc.paths : {})) {
    const item = resolveObject(doc, raw, `paths.${path}`, pointerOf(['paths', path]));
    for (const method of HTTP_METHODS) {
      const operation = item.value[method];
      if (isObject(operation)) visit({ path, method, operation, pathItem: item.value, pointer: `${item.pointer}/${method}` });
    }
  }
}

/** The operation's parameters, resolved: the path item's (unless the operation redefines name and location), then its own. */
export function operationParameters(doc, pathItem, operation, where) {
  const read = list => (Array.isArray(list) ? list.map((raw, i) => resolveObject(doc, raw, `${where} parameters[${i}]`).value) : []);
  const own = read(operation.parameters);
  const shared = read(pathItem.parameters).filter(p => !own.some(o => o.name === p.name && o.in === p.in));
  return [...shared, ...own];
}

/**
 * The one versioned 2xx media type (`accept`) and request body media type (`contentType`) of an operation
 * whose responses and request body are inline (as Redocly bundles them).
 */
export function operationMediaTypes(id, method, path, op) {
  const success = Object.entries(op.responses ?? {}).filter(([code]) => code.startsWith('2'));
  const accepts = new Set(success.flatMap(([, r]) => Object.keys(r.content ?? {})).filter(m => VERSIONED_MEDIA_TYPE.test(m)));
  if (accepts.size !== 1) {
    throw new Error(`${id} (${method.toUpperCase()} ${path}): expected exactly one versioned 2xx media type, found ${[...accepts].join(', ') || 'none'}`);
  }
  const [accept] = accepts;
  const types = { accept };
  const bodyTypes = Object.keys(op.requestBody?.content ?? {});
  if (bodyTypes.length > 0) {
    const versioned = bodyTypes.filter(m => VERSIONED_MEDIA_TYPE.test(m));
    if (versioned.length !== 1) throw new Error(`${id}: expected exactly one versioned request media type, found ${bodyTypes.join(', ')}`);
    types.contentType = versioned[0];
  }
  return types;
}
