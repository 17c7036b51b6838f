/** The keys of a local pointer ('#/a~1b/c' -> ['a/b', 'c']), or undefined when it is not local. */
export function pointerKeys(pointer: string): string[] | undefined;
/** The value a local pointer leads to, or undefined when it is not local or leads nowhere. */
export function valueAtPointer(doc: unknown, pointer: string): unknown;
