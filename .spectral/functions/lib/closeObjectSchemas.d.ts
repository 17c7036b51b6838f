// Types for closeObjectSchemas.js (plain JavaScript: Spectral's ruleset bundler loads it). See that file.

/** Whether a schema declares properties, itself or through allOf and $refs, in one view. */
export type Declares = (schema: unknown) => boolean;

/** Closes every use site of the view, in place. */
export function closeObjectSchemas(view: unknown): Declares;

/** The schema itself, or `{ $ref: ref, unevaluatedProperties: false }` where it must be closed at the root. */
export function closedRoot(schema: unknown, ref: string, declares: Declares): unknown;
