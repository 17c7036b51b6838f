// Types for exampleInterpreter.js (plain JavaScript: Spectral's ruleset bundler loads it). See that file.

/** True when every schema of the document can be given to the interpreter. */
export function interpreterCanCheck(document: unknown): boolean;

/** Closes the view (the caller's copy) for the interpreter; check(fragment, value) is the verdict at that URI-encoded pointer. */
export function interpreterFor(view: unknown): (fragment: string, value: unknown) => boolean;

/** Keywords that change the base URI or bind names ($id, the anchors, $dynamicRef, ...). */
export const LOCATION_DEPENDENT_KEYWORDS: readonly string[];
