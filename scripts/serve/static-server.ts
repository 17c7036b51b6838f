/** The docs' file server for `npm start` and `npm run dev` (a RequestHook): 127.0.0.1 only, no caching (a rebuilt page is fetched anew). */
import { once } from "node:events";
import { createReadStream, statSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo, Server as NetServer } from "node:net";
import { extname, join, resolve, sep } from "node:path";
import { BUNDLE_30_JSON, BUNDLE_30_YAML, BUNDLE_JSON, BUNDLE_YAML } from "../common/project-paths.js";

export const STATIC_HOST = "127.0.0.1";
const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".css": "text/css; charset=utf-8", ".svg": "image/svg+xml",
  ".json": "application/json; charset=utf-8", ".yaml": "application/yaml; charset=utf-8", ".png": "image/png",
};

/** Answers a request itself (true), or leaves it to the static files (false). */
export type RequestHook = (request: IncomingMessage, response: ServerResponse, pathname: string, file: string) => boolean;

/** The spec files beside the page, where its download links point (redocly.yaml's downloadUrls). */
export const SPEC_FILES: Record<string, string> = { "/openapi.json": BUNDLE_JSON, "/openapi.yaml": BUNDLE_YAML, "/openapi-3.0.json": BUNDLE_30_JSON, "/openapi-3.0.yaml": BUNDLE_30_YAML };

/** Serves files below `dir` and SPEC_FILES (GET and HEAD); "/" and directories map to their index.html. */
export function createStaticServer(dir: string, hook?: RequestHook): Server {
  return createServer((request, response) => {
    if (request.method !== "GET" && request.method !== "HEAD") return void response.writeHead(405, { allow: "GET, HEAD" }).end();
    let pathname: string;
    try {
      pathname = decodeURIComponent(new URL(request.url ?? "/", `http://${STATIC_HOST}`).pathname);
    } catch {
      return void response.writeHead(400).end("bad request path\n");
    }
    let file = SPEC_FILES[pathname] ?? resolve(dir, `.${pathname}`);
    // A path that climbs out of the served directory (../) is not ours to serve.
    if (!SPEC_FILES[pathname] && file !== dir && !file.startsWith(dir + sep)) return void response.writeHead(404).end("not found\n");
    if (statSync(file, { throwIfNoEntry: false })?.isDirectory()) file = join(file, "index.html");
    if (hook?.(request, response, pathname, file)) return;
    const stats = statSync(file, { throwIfNoEntry: false });
    if (!stats?.isFile()) return void response.writeHead(404, { "content-type": "text/plain; charset=utf-8" }).end("not found\n");
    response.writeHead(200, { "content-type": CONTENT_TYPES[extname(file)] ?? "application/octet-stream", "content-length": stats.size, "cache-control": "no-cache" });
    if (request.method === "HEAD") response.end();
    else createReadStream(file).pipe(response);
  });
}

/** Listens on `port` (0: any free one); resolves with the port bound. A port in use is an error naming `name`. */
export async function listen(server: NetServer, port: number, name: string, host = STATIC_HOST): Promise<number> {
  await once(server.listen(port, host), "listening").catch((error: NodeJS.ErrnoException) => {
    throw error.code === "EADDRINUSE" ? Object.assign(new Error(`${name} ${port} is already in use`), { code: error.code }) : error;
  });
  return (server.address() as AddressInfo).port;
}
