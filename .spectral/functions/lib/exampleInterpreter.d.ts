// Types for exampleInterpreter.js (plain JavaScript: Spectral's ruleset bundler loads it). See that file.

/** True when every schema of the document can be given to the interpreter. */
export function interpreterCanCheck(document: unknown): boolean;

/** Closes the view (the caller's copy) for the interpreter; check(ref, value) is the verdict on the schema at that local ref ('#/…'). */
export function interpreterFor(view: unknown): (ref: string, value: unknown) => boolean;
