// Local JSON pointers ('#/components/schemas/Group') into a bundled OpenAPI document: the one
// reader shared by the Spectral functions (plain JS, which cannot import TypeScript), the schema
// views and the tests.

/**
 * The keys of a local pointer ('#/a~1b/c' -> ['a/b', 'c']), or undefined when it is not local.
 * @param {string} pointer
 * @returns {string[] | undefined}
 */
export function pointerKeys(pointer) {
  if (typeof pointer !== 'string' || !pointer.startsWith('#')) return undefined;
  if (pointer === '#' || pointer === '#/') return [];
  return pointer
    .slice(2)
    .split('/')
    .map(segment => decodeURIComponent(segment).replaceAll('~1', '/').replaceAll('~0', '~'));
}

/**
 * The value a local pointer leads to, or undefined when it is not local or leads nowhere.
 * @param {unknown} doc
 * @param {string} pointer
 * @returns {unknown}
 */
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
