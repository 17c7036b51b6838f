/**
 * The docs' static file server, shared by `npm start` and `npm run dev` (which adds live reload
 * through a RequestHook). 127.0.0.1 only; no caching, so a rebuilt page is always fetched anew.
 */
import { createReadStream, existsSync, statSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { extname, join, resolve, sep } from "node:path";
import { BUNDLE_30_JSON, BUNDLE_30_YAML, BUNDLE_JSON, BUNDLE_YAML } from "../common/project-paths.js";

export const STATIC_HOST = "127.0.0.1";
const host = STATIC_HOST;

export const contentTypes: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".yaml": "application/yaml; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
};


/**
 * A request handler that may answer first (the dev server's event stream and its page with the reload
 * script); returning false leaves the request to the static files.
 */
export type RequestHook = (request: IncomingMessage, response: ServerResponse, pathname: string, file: string) => boolean;

/** The spec files beside the page, where its download links point (redocly.yaml's downloadUrls). */
export const SPEC_FILES: Record<string, string> = { "/openapi.json": BUNDLE_JSON, "/openapi.yaml": BUNDLE_YAML, "/openapi-3.0.json": BUNDLE_30_JSON, "/openapi-3.0.yaml": BUNDLE_30_YAML };

/** Serves files below `dir` and SPEC_FILES (GET and HEAD); "/" and directories map to their index.html. */
export function createStaticServer(dir: string, hook?: RequestHook): Server {
  return createServer((request, response) => {
    if (request.method !== "GET" && request.method !== "HEAD") {
      response.writeHead(405, { allow: "GET, HEAD" }).end();
      return;
    }
    let pathname: string;
    try {
      pathname = decodeURIComponent(new URL(request.url ?? "/", `http://${host}`).pathname);
    } catch {
      response.writeHead(400).end("bad request path\n");
      return;
    }
    let file = SPEC_FILES[pathname] ?? resolve(dir, `.${pathname}`);
    // A path that climbs out of the served directory (../) is not ours to serve.
    if (!SPEC_FILES[pathname] && file !== dir && !file.startsWith(dir + sep)) {
      response.writeHead(404).end("not found\n");
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, "index.html");
    if (hook?.(request, response, pathname, file)) return;
    if (!existsSync(file) || !statSync(file).isFile()) {
      response.writeHead(404, { "content-type": "text/plain; charset=utf-8" }).end("not found\n");
      return;
    }
    response.writeHead(200, {
      "content-type": contentTypes[extname(file)] ?? "application/octet-stream",
      "content-length": statSync(file).size,
      "cache-control": "no-cache",
    });
    if (request.method === "HEAD") response.end();
    else createReadStream(file).pipe(response);
  });
}

export function listen(server: Server, portNumber: number, name: string): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    server.once("error", (error: NodeJS.ErrnoException) =>
      reject(new Error(error.code === "EADDRINUSE" ? `${name} ${portNumber} is already in use` : error.message)),
    );
    server.listen(portNumber, host, () => resolvePromise());
  });
}

