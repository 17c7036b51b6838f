/**
 * A minimal Atlas stand-in on 127.0.0.1 for the client benchmark: answers
 * GET /api/atlas/v2/orgs/{orgId}/settings with the document's own example, checks the bearer token,
 * and counts requests so the benchmark can confirm every call reached it.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export interface BenchServer {
  baseUrl: string;
  requests(): number;
  close(): Promise<void>;
}

const SETTINGS_PATH = /^\/api\/atlas\/v2\/orgs\/[a-f0-9]{24}\/settings(?:\?.*)?$/;

export async function startBenchServer(options: { token: string; mediaType: string; body: unknown }): Promise<BenchServer> {
  const payload = Buffer.from(JSON.stringify(options.body));
  let count = 0;
  const server: Server = createServer((request, response) => {
    count++;
    if (request.headers.authorization !== `Bearer ${options.token}`) {
      response.writeHead(401, { "content-type": "application/json" }).end('{"error":401,"errorCode":"UNAUTHORIZED"}');
    } else if (request.method !== "GET" || !SETTINGS_PATH.test(request.url ?? "")) {
      response.writeHead(404, { "content-type": "application/json" }).end('{"error":404,"errorCode":"NOT_FOUND"}');
    } else {
      response.writeHead(200, { "content-type": options.mediaType, "content-length": payload.length }).end(payload);
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    requests: () => count,
    close: () =>
      new Promise((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}
