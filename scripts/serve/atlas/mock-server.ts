/**
 * The one way the mock starts (`npm run mock`, `npm start`, `npm run dev`, the tests): Prism on a free loopback
 * port behind the Atlas layer (layer.ts) on the public port, or with `plainPrism` Prism alone on the public port.
 */
import { readFileSync } from "node:fs";
import type { Server } from "node:http";
import { parse } from "yaml";
import { portFromEnv } from "../port-from-env.js";
import { DEFAULT_MOCK_PORT, freePort, MOCK_HOST, startPrism, type MockServer, type PrismOptions } from "../prism-server.js";
import { listen } from "../static-server.js";
import { DEFAULT_CREDENTIALS, type Credentials } from "./auth.js";
import { createAtlasLayer, type LayerOptions } from "./layer.js";

export interface MockOptions extends PrismOptions, Partial<Omit<LayerOptions, "doc" | "prismUrl">> {
  plainPrism?: boolean;
  /** Address the layer listens on: 127.0.0.1 unless a container needs 0.0.0.0. */
  host?: string;
}

/** The mock, and Prism's own address behind it (for another layer over the same Prism, e.g. stateless). */
export type AtlasMock = MockServer & { prismUrl: string };

/** Listens on port (0: any free one); resolves with the URL and a stop function. */
export async function listenLayer(server: Server, port = 0, host = MOCK_HOST): Promise<{ url: string; stop(): Promise<void> }> {
  const bound = await listen(server, port, "MOCK_PORT", host);
  return { url: `http://${host}:${bound}`, stop: () => new Promise<void>((resolve) => server.close(() => resolve()).closeAllConnections()) };
}

export async function startMock(options: MockOptions): Promise<AtlasMock> {
  if (options.plainPrism) return startPrism(options).then((prism) => ({ ...prism, prismUrl: prism.url }));
  let prism: MockServer | undefined;
  // A free port can be taken between probing and Prism binding it: then try another, a few times.
  for (let attempt = 1; !prism; attempt++) {
    prism = await startPrism({ ...options, port: await freePort(), output: "pipe", logLevel: "warn" }).catch((error: NodeJS.ErrnoException): undefined => {
      if (attempt >= 3 || error.code !== "EADDRINUSE") throw error;
    });
  }
  const doc = parse(readFileSync(options.document, "utf8")) as LayerOptions["doc"];
  const log = options.output === "tee" ? (line: string) => console.log(line) : undefined;
  const server = createAtlasLayer({ credentials: DEFAULT_CREDENTIALS, log, ...options, doc, prismUrl: prism.url });
  const layer = await listenLayer(server, options.port, options.host).catch(async (error: unknown) => {
    await prism.stop();
    throw error;
  });
  return { url: layer.url, prismUrl: prism.url, exited: prism.exited, stop: async () => void (await Promise.all([layer.stop(), prism.stop()])) };
}

/**
 * What `npm run mock`, `npm start` and `npm run dev` take from the environment (docs/mock.md), and the lines that
 * say so: MOCK_PORT, MOCK_HOST, MOCK_RATE_LIMIT and each credential from MOCK_<ITS_NAME>, shown unless a secret.
 */
export function mockSettingsFromEnv(): { options: Partial<MockOptions>; port: number; banner: string } {
  const credentials = { ...DEFAULT_CREDENTIALS };
  const lines = Object.keys(credentials).map((key) => {
    const name = `MOCK_${key.replace(/[A-Z]/g, "_$&").toUpperCase()}`;
    const value = process.env[name];
    if (value) credentials[key as keyof Credentials] = value;
    const shown = !value ? `${credentials[key as keyof Credentials]} (default)` : key === "clientId" || key === "publicKey" ? value : "(set)";
    return `  ${name.padEnd(19)} ${shown}`;
  });
  const limit = portFromEnv("MOCK_RATE_LIMIT", 6000, 1e9);
  const banner = [`${limit} requests a minute per credential (MOCK_RATE_LIMIT). Test credentials:`, ...lines].join("\n");
  const port = portFromEnv("MOCK_PORT", DEFAULT_MOCK_PORT);
  return { port, options: { credentials, rateLimit: { limit, windowMs: 60_000 }, host: process.env.MOCK_HOST || undefined }, banner };
}
