/** Where `npm run bundle` writes the bundled document (dist/ is build output, git-ignored). */
import { fileURLToPath } from "node:url";

export const BUNDLE_JSON = fileURLToPath(new URL("../../dist/openapi.json", import.meta.url));
export const BUNDLE_YAML = fileURLToPath(new URL("../../dist/openapi.yaml", import.meta.url));
