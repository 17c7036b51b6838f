/**
 * A pass-through HTTP proxy in front of the Prism mock that records what each generated client put on
 * the wire (method, path, Accept, Content-Type, whether it authenticated) and what Prism answered
 * (status, sl-violations). Generated clients use their own fetch or HTTP code, so the wire is the one
 * place to observe them all the same way.
 */
import { createServer, type IncomingMessage } from "node:http";
import { MOCK_HOST } from "../../../scripts/serve/prism-server.js";

export interface RecordedCall {
  method: string;
  /** Path and query string as sent. */
  url: string;
  accept: string | undefined;
  contentType: string | undefined;
  authorization: string | undefined;
  body: string;
  status: number;
  /** Prism's `sl-violations` header: what it found wrong with the request; undefined when nothing. */
  violations: string | undefined;
}

export interface RecordingProxy {
  url: string;
  /** The calls recorded since the last take(), oldest first; clears the record. */
  take(): RecordedCall[];
  close(): Promise<void>;
}

/** Hop-by-hop and length headers are the proxy's own business, not the client's nor Prism's. */
const NOT_FORWARDED = new Set(["host", "connection", "keep-alive", "transfer-encoding", "content-length", "content-encoding"]);

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function header(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value.join(", ") : value;
}

export async function startRecordingProxy(target: string): Promise<RecordingProxy> {
  let calls: RecordedCall[] = [];
  const server = createServer((request, response) => {
    void (async () => {
      const body = await readBody(request);
      const headers = new Headers();
      for (const [name, value] of Object.entries(request.headers)) {
        if (value !== undefined && !NOT_FORWARDED.has(name)) headers.set(name, Array.isArray(value) ? value.join(", ") : value);
      }
      const method = request.method ?? "GET";
      const answer = await fetch(`${target}${request.url ?? "/"}`, { method, headers, ...(body.length > 0 ? { body: new Uint8Array(body) } : {}) });
      const answerBody = Buffer.from(await answer.arrayBuffer());
      calls.push({
        method,
        url: request.url ?? "/",
        accept: header(request, "accept"),
        contentType: header(request, "content-type"),
        authorization: header(request, "authorization"),
        body: body.toString("utf8"),
        status: answer.status,
        violations: answer.headers.get("sl-violations") ?? undefined,
      });
      const outgoing: Record<string, string> = {};
      answer.headers.forEach((value, name) => {
        if (!NOT_FORWARDED.has(name)) outgoing[name] = value;
      });
      response.writeHead(answer.status, outgoing).end(answerBody);
    })().catch((error: unknown) => {
      response.writeHead(502, { "content-type": "text/plain" }).end(`recording proxy: ${String(error)}`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, MOCK_HOST, resolve));
  const address = server.address();
  if (typeof address !== "object" || address === null) throw new Error("the recording proxy did not get a port");
  return {
    url: `http://${MOCK_HOST}:${address.port}`,
    take: () => {
      const taken = calls;
      calls = [];
      return taken;
    },
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}
