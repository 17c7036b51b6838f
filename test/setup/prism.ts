/**
 * Global setup of the contract tests: bundles must exist (CI runs `npm run build` first), then Prism
 * serves dist/openapi.yaml on a free port for the whole run and is stopped afterwards, pass or fail.
 */
import { existsSync } from "node:fs";
import type { TestProject } from "vitest/node";
import { BUNDLE_JSON, BUNDLE_YAML } from "../../scripts/lib/bundle-paths.js";
import { freePort, PrismStartError, startPrism, type MockServer } from "../../scripts/lib/prism-server.js";

declare module "vitest" {
  export interface ProvidedContext {
    /** Base URL of the Prism mock the contract tests talk to, e.g. http://127.0.0.1:39123 */
    mockBaseUrl: string;
  }
}

const START_ATTEMPTS = 3;

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  for (const bundle of [BUNDLE_YAML, BUNDLE_JSON]) {
    if (!existsSync(bundle)) throw new Error(`${bundle} is missing: run npm run build (or npm run bundle) before the contract tests`);
  }
  const server = await startOnFreePort();
  project.provide("mockBaseUrl", server.url);
  return () => server.stop();
}

/** A free port can be taken between probing and Prism binding it: then try another, a few times. */
async function startOnFreePort(): Promise<MockServer> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await startPrism({ document: BUNDLE_YAML, port: await freePort(), output: "pipe", logLevel: "warn" });
    } catch (error) {
      if (attempt === START_ATTEMPTS || !(error instanceof PrismStartError && error.addressInUse)) throw error;
    }
  }
}
