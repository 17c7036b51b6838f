// Types for exampleInterpreter.js (plain JavaScript: Spectral's ruleset bundler loads it). See that file.

/** True when every schema of the document can be given to the interpreter. */
export function interpreterCanCheck(document: unknown): boolean;

/** True when some schema of the document carries one of the keywords. */
export function usesSchemaKeywords(document: unknown, keywords: readonly string[]): boolean;

/** Closes the view (the caller's copy) for the interpreter; check(ref, value) is the verdict on the schema at that local ref ('#/…'). */
export function interpreterFor(view: unknown): (ref: string, value: unknown) => boolean;

/** Keywords that change the base URI or bind names ($id, the anchors, $dynamicRef, ...). */
export const LOCATION_DEPENDENT_KEYWORDS: readonly string[];
