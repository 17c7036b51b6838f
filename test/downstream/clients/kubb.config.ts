// Kubb 4: TypeScript types and a fetch client per operation, read by `kubb generate` from the project root.
import { defineConfig } from "@kubb/core";
import { pluginClient } from "@kubb/plugin-client";
import { pluginOas } from "@kubb/plugin-oas";
import { pluginTs } from "@kubb/plugin-ts";

// No formatter or linter (the downstream project may have none; Kubb's defaults look for them), and imports
// without the `.ts` extension Kubb writes by default (which needs `allowImportingTsExtensions`).
export default defineConfig({
  input: { path: "node_modules/atlas-admin-openapi/generated/openapi.json" },
  output: { path: "clients/generated/kubb", clean: true, format: false, lint: false, extension: { ".ts": "" } },
  plugins: [pluginOas(), pluginTs(), pluginClient({ client: "fetch" })],
});
