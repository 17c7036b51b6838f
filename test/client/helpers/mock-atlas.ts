/**
 * A real HTTP server on 127.0.0.1 (port 0) standing in for Atlas in the client tests. It records
 * every request as the wire carried it and lets each test decide the answer, including faults
 * (connection resets, stalls, HTML pages). Everything stops with close().
 */
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface RecordedRequest {
  method: string;
  /** Path and query exactly as received (still percent-encoded). */
  url: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

export type Handler = (request: RecordedRequest, res: ServerResponse, raw: IncomingMessage) => unknown;

export interface MockAtlas {
  baseUrl: string;
  requests: RecordedRequest[];
  /** Requests whose path starts with `prefix` (e.g. "/api/oauth/token"). */
  requestsTo(prefix: string): RecordedRequest[];
  handle(handler: Handler): void;
  close(): Promise<void>;
}

export async function startMockAtlas(initial: Handler = notFound): Promise<MockAtlas> {
  let handler = initial;
  const requests: RecordedRequest[] = [];
  const pendingTimers = new Set<NodeJS.Timeout>();
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const url = req.url ?? "/";
      const recorded = { method: req.method ?? "", url, path: url.split("?")[0]!, headers: req.headers, body: Buffer.concat(chunks).toString("utf8") };
      requests.push(recorded);
      Promise.resolve(handler(recorded, res, req)).catch((error: unknown) => {
        res.statusCode = 599;
        res.end(String(error));
      });
    });
  });
  server.on("close", () => pendingTimers.forEach(clearTimeout));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    requests,
    requestsTo: (prefix) => requests.filter((r) => r.path.startsWith(prefix)),
    handle(next) {
      handler = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(text), ...headers });
  res.end(text);
}

export function sendText(res: ServerResponse, status: number, body: string, contentType = "text/html", headers: Record<string, string> = {}): void {
  res.writeHead(status, { "content-type": contentType, "content-length": Buffer.byteLength(body), ...headers });
  res.end(body);
}

/** Drops the TCP connection without an answer: the client sees a reset / "other side closed". */
export function resetConnection(raw: IncomingMessage): void {
  raw.socket.destroy();
}

/** Answers after `ms`, unless the client hung up first (no timer outlives the test). */
export function answerLater(raw: IncomingMessage, ms: number, answer: () => void): void {
  const timer = setTimeout(answer, ms);
  raw.socket.once("close", () => clearTimeout(timer));
}

export const notFound: Handler = (_req, res) => sendJson(res, 404, { error: 404, errorCode: "RESOURCE_NOT_FOUND", reason: "Not Found", detail: "no handler" });

export const ORG_SETTINGS = "/api/atlas/v2/orgs/4888442a3354817a7320eb61/settings";
export const ORG_ID = "4888442a3354817a7320eb61";
export const GROUP_ID = "32b6e34b3d91647abb20e7b8";
export const orgSettings = { apiAccessListRequired: false, multiFactorAuthRequired: true, restrictEmployeeAccess: false };
export const createdProject = { id: GROUP_ID, name: "p", orgId: ORG_ID, clusterCount: 0, created: "2024-01-01T00:00:00Z" };
