/**
 * The one way the mock starts, for `npm run mock`, `npm start` and the contract tests: Prism on a free
 * loopback port, and the Atlas layer (layer.ts) in front of it on the public port (0: any free one).
 * `plainPrism` serves Prism alone on the public port, as the mock was before the Atlas layer.
 */
import { readFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { parse } from "yaml";
import { freePort, MOCK_HOST, PrismStartError, startPrism, type MockServer, type PrismOptions } from "../prism-server.js";
import { DEFAULT_CREDENTIALS } from "./auth.js";
import { createAtlasLayer, type LayerOptions } from "./layer.js";

export interface MockOptions extends PrismOptions, Partial<Omit<LayerOptions, "doc" | "prismUrl" | "log">> {
  plainPrism?: boolean;
  /** Address the layer listens on: 127.0.0.1 unless a container needs 0.0.0.0. */
  host?: string;
}

export interface AtlasMock extends MockServer {
  /** Prism's own address, behind the layer (the same as `url` with plainPrism). */
  prismUrl: string;
  /** Another Atlas layer over the same Prism, e.g. stateless or with tight limits, on a free port. */
  addLayer(options: Partial<Omit<LayerOptions, "doc" | "prismUrl">>): Promise<{ url: string; stop(): Promise<void> }>;
}

/** A free port can be taken between probing and Prism binding it: then try another, a few times. */
async function prismOnFreePort(options: PrismOptions): Promise<MockServer> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await startPrism({ ...options, port: await freePort(), output: "pipe", logLevel: "warn" });
    } catch (error) {
      if (attempt === 3 || !(error instanceof PrismStartError && error.addressInUse)) throw error;
    }
  }
}

export async function startMock(options: MockOptions): Promise<AtlasMock> {
  if (options.plainPrism) {
    const prism = await startPrism(options);
    return { ...prism, prismUrl: prism.url, addLayer: () => Promise.reject(new Error("plain Prism has no Atlas layer")) };
  }
  const prism = await prismOnFreePort(options);
  const doc = parse(readFileSync(options.document, "utf8")) as LayerOptions["doc"];
  const log = options.output === "tee" ? (line: string) => console.log(line) : undefined;
  const addLayer = async (extra: Partial<Omit<LayerOptions, "doc" | "prismUrl">>, port = 0, host = MOCK_HOST) => {
    const server = createAtlasLayer({ credentials: DEFAULT_CREDENTIALS, ...options, ...extra, doc, prismUrl: prism.url });
    await new Promise<void>((resolve, reject) => {
      server.once("error", (e: NodeJS.ErrnoException) => reject(new Error(e.code === "EADDRINUSE" ? `MOCK_PORT ${port} is already in use` : e.message)));
      server.listen(port, host, resolve);
    });
    const stop = () => new Promise<void>((resolve) => server.close(() => resolve()).closeAllConnections());
    return { url: `http://${host}:${(server.address() as AddressInfo).port}`, stop };
  };
  const layer = await addLayer({ log }, options.port, options.host).catch(async (error: unknown) => {
    await prism.stop();
    throw error;
  });
  const stop = async () => void (await Promise.all([layer.stop(), prism.stop()]));
  return { url: layer.url, prismUrl: prism.url, exited: prism.exited, stop, addLayer };
}
