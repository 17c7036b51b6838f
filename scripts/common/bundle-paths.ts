/** Where `npm run bundle` writes the bundled document (dist/ is build output, git-ignored). */
import { fileURLToPath } from "node:url";

export const BUNDLE_JSON = fileURLToPath(new URL("../../dist/openapi.json", import.meta.url));
export const BUNDLE_YAML = fileURLToPath(new URL("../../dist/openapi.yaml", import.meta.url));
/** The OpenAPI 3.0.3 companion written by `npm run bundle:30` from dist/openapi.json. */
export const BUNDLE_30_JSON = fileURLToPath(new URL("../../dist/openapi-3.0.json", import.meta.url));
export const BUNDLE_30_YAML = fileURLToPath(new URL("../../dist/openapi-3.0.yaml", import.meta.url));
