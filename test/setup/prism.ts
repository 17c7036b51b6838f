/**
 * Global setup of the contract tests: bundles must exist (CI runs `npm run build` first), then Prism
 * serves dist/openapi.yaml, and a second Prism the 3.0 companion dist/openapi-3.0.yaml, each on a free
 * port for the whole run; both are stopped afterwards, pass or fail.
 */
import { existsSync } from "node:fs";
import type { TestProject } from "vitest/node";
import { BUNDLE_30_JSON, BUNDLE_30_YAML, BUNDLE_JSON, BUNDLE_YAML } from "../../scripts/common/project-paths.js";
import { freePort, PrismStartError, startPrism, type MockServer } from "../../scripts/serve/prism-server.js";

declare module "vitest" {
  export interface ProvidedContext {
    /** Base URL of the Prism mock the contract tests talk to, e.g. http://127.0.0.1:39123 */
    mockBaseUrl: string;
    /** Base URL of the Prism mock of the OpenAPI 3.0 companion (dist/openapi-3.0.yaml). */
    mock30BaseUrl: string;
  }
}

const START_ATTEMPTS = 3;

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  for (const bundle of [BUNDLE_YAML, BUNDLE_JSON, BUNDLE_30_YAML, BUNDLE_30_JSON]) {
    if (!existsSync(bundle)) throw new Error(`${bundle} is missing: run npm run build (or npm run bundle) before the contract tests`);
  }
  const started = await Promise.allSettled([startOnFreePort(BUNDLE_YAML), startOnFreePort(BUNDLE_30_YAML)]);
  const servers = started.flatMap((result) => (result.status === "fulfilled" ? [result.value] : []));
  const stopAll = async (): Promise<void> => {
    await Promise.all(servers.map((server) => server.stop()));
  };
  const failed = started.find((result): result is PromiseRejectedResult => result.status === "rejected");
  if (failed) {
    await stopAll();
    throw failed.reason;
  }
  const [server31, server30] = servers as [MockServer, MockServer];
  project.provide("mockBaseUrl", server31.url);
  project.provide("mock30BaseUrl", server30.url);
  return stopAll;
}

/** A free port can be taken between probing and Prism binding it: then try another, a few times. */
async function startOnFreePort(document: string): Promise<MockServer> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await startPrism({ document, port: await freePort(), output: "pipe", logLevel: "warn" });
    } catch (error) {
      if (attempt === START_ATTEMPTS || !(error instanceof PrismStartError && error.addressInUse)) throw error;
    }
  }
}
