/**
 * Global setup of the contract tests: bundles must exist (CI runs `npm run build` first), then the Atlas
 * mock (scripts/serve/atlas/mock-server.ts, as `npm run mock` starts it) serves generated/openapi.yaml, and a
 * second one the 3.0 companion generated/openapi-3.0.yaml, each on a free port for the whole run; both are
 * stopped afterwards, pass or fail. A stateless layer over the 3.1 Prism serves the tests that replay
 * the same request many times (a second createProject with one name is a 409 on the stateful mock).
 */
import { existsSync } from "node:fs";
import type { TestProject } from "vitest/node";
import { BUNDLE_30_JSON, BUNDLE_30_YAML, BUNDLE_JSON, BUNDLE_YAML } from "../../scripts/common/project-paths.js";
import { DEFAULT_CREDENTIALS } from "../../scripts/serve/atlas/auth.js";
import { createAtlasLayer } from "../../scripts/serve/atlas/layer.js";
import { listenLayer, startMock, type AtlasMock } from "../../scripts/serve/atlas/mock-server.js";
import { readBundledDocument } from "../support/bundled-document.js";

declare module "vitest" {
  export interface ProvidedContext {
    /** Base URL of the Atlas mock of generated/openapi.yaml the contract tests talk to, e.g. http://127.0.0.1:39123 */
    mockBaseUrl: string;
    /** The same Prism behind a stateless Atlas layer: examples as they are, nothing remembered. */
    mockStatelessBaseUrl: string;
    /** Prism itself, behind the layers: for tests that start a layer of their own (tight limits). */
    mockPrismUrl: string;
    /** Base URL of the (stateless) Atlas mock of the OpenAPI 3.0 companion (generated/openapi-3.0.yaml). */
    mock30BaseUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  for (const bundle of [BUNDLE_YAML, BUNDLE_JSON, BUNDLE_30_YAML, BUNDLE_30_JSON]) {
    if (!existsSync(bundle)) throw new Error(`${bundle} is missing: run npm run build (or npm run bundle) before the contract tests`);
  }
  const common = { port: 0, output: "pipe", logLevel: "warn" } as const;
  const started = await Promise.allSettled([startMock({ ...common, document: BUNDLE_YAML }), startMock({ ...common, document: BUNDLE_30_YAML, stateless: true })]);
  const servers = started.flatMap((result) => (result.status === "fulfilled" ? [result.value] : []));
  const stops: (() => Promise<void>)[] = servers.map((server) => () => server.stop());
  const stopAll = async (): Promise<void> => void (await Promise.all(stops.map((stop) => stop())));
  const failed = started.find((result): result is PromiseRejectedResult => result.status === "rejected");
  if (failed) {
    await stopAll();
    throw failed.reason;
  }
  const [server31, server30] = servers as [AtlasMock, AtlasMock];
  const stateless = await listenLayer(createAtlasLayer({ doc: readBundledDocument(), prismUrl: server31.prismUrl, credentials: DEFAULT_CREDENTIALS, stateless: true }));
  stops.unshift(() => stateless.stop());
  project.provide("mockBaseUrl", server31.url);
  project.provide("mockStatelessBaseUrl", stateless.url);
  project.provide("mockPrismUrl", server31.prismUrl);
  project.provide("mock30BaseUrl", server30.url);
  return stopAll;
}
