/**
 * The Atlas layer: a small HTTP server in front of Prism. It does what Atlas does and Prism does not
 * (versioned Accept, real authentication, rate limits, envelope/pretty, ApiError bodies, memory of what
 * was created) and forwards the rest to Prism, which validates the request against the document and
 * picks the example. In front rather than inside Prism: Prism's HTTP server has no extension points,
 * and a separate process keeps it exactly as `prism mock` ships.
 */
import { randomBytes } from "node:crypto";
import { createServer, STATUS_CODES, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { HTTP_METHODS } from "../../bundle/finish-bundle.js";
import { operationMediaTypes } from "../../bundle/operation-media-types.js";
import { valueAtPointer } from "../../openapi/json-pointer.js";
import { ajvRef, createOpenApiAjv } from "../../openapi/openapi-ajv.js";
import { documentView } from "../../openapi/schema-views.js";
import { MockAuth, type Credentials } from "./auth.js";

type Json = Record<string, any>;
type Field = { field: string; description: string };

export interface LayerOptions {
  /** The parsed document Prism mocks. */
  doc: Json;
  prismUrl: string;
  credentials: Credentials;
  /** Plain examples: no memory of created projects, no 404 for unknown projects, no echo of the request. */
  stateless?: boolean;
  /** Requests per window per credential (default: 6000 a minute). */
  rateLimit?: { limit: number; windowMs: number };
  tokenTtlMs?: number;
  nonceTtlMs?: number;
  log?: (line: string) => void;
}

interface Route {
  op: Json;
  accept: string;
  contentType: string | undefined;
  /** Finds properties the request body's schema does not declare (readOnly ones count as declared). */
  undeclared: (body: unknown) => Field[];
  /** Query parameters whose value names a 2xx example (cloudProvider=azure -> example "azure"). */
  examples: Set<string>;
  /** Declared parameter names by their lower-case form (Prism reports query names in lower case). */
  parameters: Map<string, string>;
}

const HEX_ID = /^[a-f0-9]{24}$/;
/** Response fields that repeat a path parameter. */
const ECHOED = { projectId: "groupId", groupId: "groupId", orgId: "orgId" } as const;
const escape = (segment: string) => segment.replaceAll("~", "~0").replaceAll("/", "~1");

export function apiError(status: number, errorCode: string, detail: string, fields?: Field[]): Json {
  return { detail, error: status, errorCode, parameters: [], reason: STATUS_CODES[status], ...(fields ? { badRequestDetail: { fields } } : {}) };
}

/** Every object schema that declares properties refuses the others: Atlas rejects invalid fields rather than ignoring them. */
function closeObjects(node: unknown): void {
  if (typeof node !== "object" || node === null) return;
  const schema = node as Json;
  if (typeof schema.properties === "object" && !("additionalProperties" in schema) && !("unevaluatedProperties" in schema)) schema.unevaluatedProperties = false;
  Object.values(schema).forEach(closeObjects);
}

function routesOf(doc: Json): { pattern: RegExp; names: string[]; methods: Map<string, Route> }[] {
  const view = documentView(doc, "request", "allow");
  closeObjects(view);
  const ajv = createOpenApiAjv(view, { strict: false, validateSchema: false });
  ajv.addSchema(view, "doc");
  return Object.entries<Json>(doc.paths ?? {}).map(([path, item]) => {
    const names = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!);
    const pattern = new RegExp(`^${path.replace(/[.*+?^$()|[\]\\]/g, "\\$&").replace(/\\?\{[^}]+\\?\}/g, "([^/]+)")}$`);
    const methods = new Map<string, Route>();
    for (const method of HTTP_METHODS.filter((m) => item[m])) {
      const op = item[method] as Json;
      const { accept, contentType } = operationMediaTypes(op.operationId, method, path, op);
      const validate = contentType && ajv.getSchema(ajvRef("doc", `#/paths/${escape(path)}/${method}/requestBody/content/${escape(contentType)}/schema`));
      const undeclared = (body: unknown): Field[] =>
        validate && !validate(body)
          ? (validate.errors ?? [])
              .filter((e) => e.keyword === "unevaluatedProperties")
              .map((e) => ({ field: [...e.instancePath.split("/").slice(1), e.params.unevaluatedProperty].join("."), description: "is not a property of this object: Atlas rejects undeclared fields" }))
          : [];
      const examples = new Set(Object.keys(Object.entries<Json>(op.responses).find(([code]) => code.startsWith("2"))?.[1].content?.[accept]?.examples ?? {}));
      const parameters = new Map<string, string>([...(item.parameters ?? []), ...(op.parameters ?? [])].map((p: Json) => (p.$ref ? valueAtPointer(doc, p.$ref) : p) as Json).map((p) => [String(p.name).toLowerCase(), p.name]));
      methods.set(method, { op, accept, contentType, undeclared, examples, parameters });
    }
    return { pattern, names, methods };
  });
}

/** Every 24-hex string of the document: the example ids, which always exist. */
function exampleIds(node: unknown, found = new Set<string>()): Set<string> {
  if (typeof node === "string" && HEX_ID.test(node)) found.add(node);
  else if (typeof node === "object" && node !== null) Object.values(node).forEach((v) => exampleIds(v, found));
  return found;
}

/** Prism's sl-violations about the request, as Atlas's field violations. */
function requestViolations(header: string | null, parameters: Map<string, string>): Field[] {
  if (!header) return [];
  let list: { location: string[]; severity: string; message: string }[];
  try {
    list = JSON.parse(header);
  } catch {
    return [{ field: "request", description: header }];
  }
  return list
    .filter((v) => v.location[0] === "request" && v.severity === "Error")
    .map((v) => {
      const path = v.location[1] === "body" ? [...v.location.slice(2), ...(/required property '([^']+)'/.exec(v.message)?.slice(1) ?? [])] : v.location.slice(2, 3).map((name) => parameters.get(name.toLowerCase()) ?? name);
      return { field: path.join(".") || v.location[1] || "request", description: v.message };
    });
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c)).on("end", () => resolve(Buffer.concat(chunks).toString("utf8"))).on("error", reject);
  });
}

export function createAtlasLayer(o: LayerOptions): Server {
  const auth = new MockAuth(o.credentials, o.tokenTtlMs, o.nonceTtlMs);
  const table = routesOf(o.doc);
  const { limit, windowMs } = o.rateLimit ?? { limit: 6000, windowMs: 60_000 };
  const windows = new Map<string, { start: number; count: number }>();
  const groups = exampleIds(o.doc);
  const projects = new Map<string, string>(); // "orgId/name" -> id
  const configs = new Map<string, Json>();

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://mock");
    const method = (req.method ?? "GET").toLowerCase();
    const body = await readBody(req);
    const authorization = req.headers.authorization;
    const send = (status: number, data: unknown, headers: Record<string, string> = {}): void => {
      const wrapped = url.searchParams.get("envelope") === "true" ? { status, content: data } : data;
      const text = data === undefined || status === 204 ? "" : JSON.stringify(wrapped, null, url.searchParams.get("pretty") === "true" ? 2 : undefined);
      if (!text) delete headers["content-type"];
      res.writeHead(status, text ? { "content-type": "application/json", ...headers } : headers).end(text);
      o.log?.(`${req.method} ${req.url} -> ${status}`);
    };
    const fail = (status: number, code: string, detail: string, headers?: Record<string, string>, fields?: Field[]) => send(status, apiError(status, code, detail, fields), headers);

    // Rate limits are per credential (token, digest user), else per client address.
    const key = /^Bearer (\S+)|username="([^"]*)"/i.exec(authorization ?? "")?.slice(1).find(Boolean) ?? req.socket.remoteAddress ?? "";
    const now = Date.now();
    let window = windows.get(key);
    if (!window || now - window.start >= windowMs) windows.set(key, (window = { start: now, count: 0 }));
    window.count++;
    res.setHeader("RateLimit-Limit", String(limit));
    res.setHeader("RateLimit-Remaining", String(Math.max(0, limit - window.count)));
    if (window.count > limit) {
      const retryAfter = String(Math.max(1, Math.ceil((window.start + windowMs - now) / 1000)));
      return fail(429, "RATE_LIMITED", `More than ${limit} requests in ${windowMs / 1000} s with this credential; retry after ${retryAfter} s.`, { "retry-after": retryAfter });
    }

    const oauth = /^\/api\/oauth\/(token|revoke)$/.exec(url.pathname)?.[1];
    if (oauth) {
      if (method !== "post") return fail(405, "METHOD_NOT_ALLOWED", `${req.method} is not supported here; use POST.`, { allow: "POST" });
      const answer = auth.oauth(oauth, authorization, body);
      res.writeHead(answer.status, { "content-type": "application/json", "cache-control": "no-store" }).end(answer.body ? JSON.stringify(answer.body) : "");
      return;
    }

    const found = table.map((entry) => ({ entry, match: entry.pattern.exec(url.pathname) })).find((f) => f.match);
    if (!found) return fail(404, "RESOURCE_NOT_FOUND", `Cannot find resource ${url.pathname}.`);
    const route = found.entry.methods.get(method);
    const allow = [...found.entry.methods.keys()].map((m) => m.toUpperCase()).join(", ");
    if (!route) return fail(405, "METHOD_NOT_ALLOWED", `${req.method} is not supported on ${url.pathname}; allowed: ${allow}.`, { allow });
    const params = Object.fromEntries(found.entry.names.map((name, i) => [name, decodeURIComponent(found.match![i + 1]!)]));

    const verdict = auth.check(authorization, req.method ?? "GET", req.url ?? "/");
    if ("refused" in verdict) return fail(401, "UNAUTHORIZED", "You are not authorized for this resource.", { "www-authenticate": auth.challenge(verdict.stale) });
    const accepted = (req.headers.accept ?? "").split(",").map((t) => t.split(";")[0]!.trim().toLowerCase());
    if (!accepted.includes(route.accept)) {
      return fail(406, "INVALID_VERSION_DATE", `The Accept header must name this resource's version, ${route.accept}; got ${JSON.stringify(req.headers.accept ?? "")}.`);
    }
    let parsed: unknown;
    if (route.contentType && body !== "") {
      const type = (req.headers["content-type"] ?? "").split(";")[0]!.trim().toLowerCase();
      if (type !== route.contentType) return fail(415, "UNSUPPORTED_MEDIA_TYPE", `Content-Type must be ${route.contentType}; got ${JSON.stringify(req.headers["content-type"] ?? "")}.`);
      try {
        parsed = JSON.parse(body);
      } catch {
        return fail(400, "MALFORMED_JSON", "Received JSON is malformed.");
      }
    }
    // A Prefer header asks for a documented response as it is: no state, no echo.
    const stateful = !o.stateless && req.headers.prefer === undefined;
    if (stateful && params.groupId && HEX_ID.test(params.groupId) && !groups.has(params.groupId)) {
      return fail(404, "GROUP_NOT_FOUND", `No project with ID ${params.groupId} exists.`);
    }
    const example = stateful ? [...url.searchParams.values()].find((v) => route.examples.has(v)) : undefined;
    const prefer = stateful ? example && `example=${example}` : req.headers.prefer?.toString();
    const answer = await fetch(`${o.prismUrl}${url.pathname}${url.search}`, {
      method: req.method,
      headers: { accept: `${route.accept}, application/json`, authorization: "Bearer atlas-layer", ...(prefer ? { prefer } : {}), ...(parsed !== undefined ? { "content-type": route.contentType! } : {}) },
      ...(parsed !== undefined ? { body } : {}),
    });
    const text = await answer.text();
    const type = answer.headers.get("content-type") ?? "application/json";
    const problem = (type.includes("problem+json") ? JSON.parse(text) : undefined) as Json | undefined;
    // Prism reports request violations in sl-violations, or in a 422 problem's `validation` when no 4xx is documented.
    const fields = [...requestViolations(problem?.validation ? JSON.stringify(problem.validation.map((v: Json) => ({ ...v, location: ["request", ...v.location] }))) : answer.headers.get("sl-violations"), route.parameters), ...route.undeclared(parsed)];
    if (fields.length > 0) {
      return fail(400, "VALIDATION_ERROR", `Invalid request: ${fields.map((f) => `${f.field} ${f.description}`).join("; ")}.`, {}, fields);
    }
    if (problem) {
      return fail(answer.status, String(STATUS_CODES[answer.status]).toUpperCase().replace(/\W+/g, "_"), String(problem.detail ?? problem.title));
    }
    let data: Json | undefined = text === "" ? undefined : JSON.parse(text);
    if (stateful && answer.ok && data) {
      for (const [field, param] of Object.entries(ECHOED)) if (field in data && params[param]) data[field] = params[param];
      const request = parsed as Json;
      if (route.op.operationId === "createProject") {
        const name = `${request.orgId}/${request.name}`;
        if (projects.has(name)) return fail(409, "GROUP_ALREADY_EXISTS", `A project named ${request.name} already exists in organization ${request.orgId}.`);
        data = { ...data, ...request, id: randomBytes(12).toString("hex"), created: new Date().toISOString().replace(/\.\d+Z$/, "Z"), clusterCount: 0, links: data.links, tags: request.tags ?? [] };
        projects.set(name, data.id);
        groups.add(data.id);
      }
      if (route.op.operationId === "updateConnectedOrgConfig") {
        const stored = `${params.federationSettingsId}/${params.orgId}`;
        data = { ...(configs.get(stored) ?? data), ...request, orgId: params.orgId };
        configs.set(stored, data);
      }
    }
    send(answer.status, data, { "content-type": type });
  }

  return createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500, { "content-type": "application/json" }).end(JSON.stringify(apiError(500, "UNEXPECTED_ERROR", String(error))));
    });
  });
}
