// Types for ajv-standalone.js (plain JavaScript: it runs on the response validator generator's worker thread).
import type { Ajv2020 } from "ajv/dist/2020.js";

export interface StandaloneModule {
  /** JavaScript statements defining every validator and what it uses. */
  code: string;
  /** For each requested key, the identifier of its validator function in `code`. */
  names: Map<string, string>;
}

/** Compiles each of `refs` (ajv schema keys, e.g. "resource.json#/components/schemas/X") and emits them all; needs `code.source`. */
export function standaloneValidators(ajv: Ajv2020, refs: Iterable<string>): StandaloneModule;
