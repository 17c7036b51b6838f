/** Where `npm run bundle` writes the bundled document (generated/: committed, so a raw file at any commit is the spec). */
import { fileURLToPath } from "node:url";

export const BUNDLE_JSON = fileURLToPath(new URL("../../generated/openapi.json", import.meta.url));
export const BUNDLE_YAML = fileURLToPath(new URL("../../generated/openapi.yaml", import.meta.url));
/** The OpenAPI 3.0.3 companion written by `npm run bundle:30` from generated/openapi.json. */
export const BUNDLE_30_JSON = fileURLToPath(new URL("../../generated/openapi-3.0.json", import.meta.url));
export const BUNDLE_30_YAML = fileURLToPath(new URL("../../generated/openapi-3.0.yaml", import.meta.url));
