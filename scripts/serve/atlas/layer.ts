/**
 * The Atlas layer: an HTTP server in front of Prism for what Atlas does and Prism does not (versioned Accept,
 * real authentication, rate limits, envelope/pretty, ApiError bodies, memory of what was created); Prism
 * validates the rest and picks the example. Why in front rather than inside: docs/mock.md, "Design".
 */
import { randomBytes } from "node:crypto";
import { createServer, STATUS_CODES, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { text as readText } from "node:stream/consumers";
import { HTTP_METHODS, operationMediaTypes, operationParameters, pointerOf } from "../../../src/openapi/document.js";
import { ajvRef, createOpenApiAjv } from "../../openapi/openapi-ajv.js";
import { documentView } from "../../openapi/schema-views.js";
import { MockAuth, type Credentials } from "./auth.js";

type Json = Record<string, any>;
type Field = { field: string; description: string };

export interface LayerOptions {
  /** The parsed document Prism mocks, and where Prism listens. */
  doc: Json;
  prismUrl: string;
  credentials: Credentials;
  /** Plain examples: no memory of created projects, no 404 for unknown projects, no echo of the request. */
  stateless?: boolean;
  /** Requests per window per credential (default: 6000 a minute); token and nonce lifetimes. */
  rateLimit?: { limit: number; windowMs: number };
  tokenTtlMs?: number;
  nonceTtlMs?: number;
  log?: (line: string) => void;
}

/**
 * `undeclared`: body properties the schema does not declare (readOnly ones count as declared); `examples`: the 2xx
 * examples (a query value naming one picks it: cloudProvider=azure); `parameters`: lower-case name to declared name
 * (Prism reports query names in lower case).
 */
type Route = { op: Json; accept: string; contentType?: string; undeclared: (body: unknown) => Field[]; examples: Set<string>; parameters: Map<string, string> };

const HEX_ID = /^[a-f0-9]{24}$/;
/** Response fields that repeat a path parameter. */
const ECHOED = { projectId: "groupId", groupId: "groupId", orgId: "orgId" } as const;
const mediaType = (header: string | undefined) => (header ?? "").split(";")[0]!.trim().toLowerCase();

function apiError(status: number, errorCode: string, detail: string, fields?: Field[]): Json {
  return { detail, error: status, errorCode, parameters: [], reason: STATUS_CODES[status], ...(fields ? { badRequestDetail: { fields } } : {}) };
}

/** Every schema that declares properties refuses others: Atlas rejects invalid fields rather than ignoring them. */
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
    const methods = new Map<string, Route>();
    for (const method of HTTP_METHODS.filter((m) => item[m])) {
      const op = item[method] as Json;
      const { accept, contentType } = operationMediaTypes(op.operationId, method, path, op);
      const validate = contentType && ajv.getSchema(ajvRef("doc", pointerOf(["paths", path, method, "requestBody", "content", contentType, "schema"])));
      const undeclared = (body: unknown): Field[] =>
        !validate || validate(body)
          ? []
          : (validate.errors ?? [])
              .filter((e) => e.keyword === "unevaluatedProperties")
              .map((e) => ({ field: [...e.instancePath.split("/").slice(1), e.params.unevaluatedProperty].join("."), description: "is not a property of this object: Atlas rejects undeclared fields" }));
      const success = Object.entries<Json>(op.responses).find(([code]) => code.startsWith("2"))?.[1];
      const parameters = operationParameters(doc, item, op, `${op.operationId}`);
      methods.set(method, { op, accept, contentType, undeclared, examples: new Set(Object.keys(success?.content?.[accept]?.examples ?? {})), parameters: new Map(parameters.map((p) => [String(p.name).toLowerCase(), p.name])) });
    }
    const pattern = new RegExp(`^${path.replace(/[.*+?^$()|[\]\\]/g, "\\$&").replace(/\{[^}]+\}/g, "([^/]+)")}$`);
    return { pattern, names: [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!), methods };
  });
}

/** Every 24-hex string of the document: the example ids, which always exist. */
const exampleIds = (doc: Json) => new Set(JSON.stringify(doc).match(/(?<=")[a-f0-9]{24}(?=")/g));

/** Prism's request violations (its sl-violations header's list) as Atlas's field violations. */
function fieldViolations(list: { location: string[]; severity: string; message: string }[], parameters: Map<string, string>): Field[] {
  return list
    .filter((v) => v.location[0] === "request" && v.severity === "Error")
    .map((v) => {
      const [, where, ...rest] = v.location;
      const path = where === "body" ? [...rest, ...(/required property '([^']+)'/.exec(v.message)?.slice(1) ?? [])] : rest.slice(0, 1).map((n) => parameters.get(n.toLowerCase()) ?? n);
      return { field: path.join(".") || where || "request", description: v.message };
    });
}

export function createAtlasLayer(o: LayerOptions): Server {
  const auth = new MockAuth(o.credentials, o.tokenTtlMs, o.nonceTtlMs);
  const table = routesOf(o.doc);
  const { limit, windowMs } = o.rateLimit ?? { limit: 6000, windowMs: 60_000 };
  const windows = new Map<string, { start: number; count: number }>();
  const groups = exampleIds(o.doc);
  const projects = new Set<string>(); // "orgId/name"
  const configs = new Map<string, Json>();

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://mock");
    const method = req.method ?? "GET";
    const body = await readText(req);
    const { authorization } = req.headers;
    const send = (status: number, data: unknown, headers: Record<string, string> = {}): void => {
      const wrapped = url.searchParams.get("envelope") === "true" ? { status, content: data } : data;
      const text = data === undefined || status === 204 ? "" : JSON.stringify(wrapped, null, url.searchParams.get("pretty") === "true" ? 2 : undefined);
      if (!text) delete headers["content-type"];
      res.writeHead(status, text ? { "content-type": "application/json", ...headers } : headers).end(text);
      o.log?.(`${method} ${req.url} -> ${status}`);
    };
    const fail = (status: number, code: string, detail: string, headers?: Record<string, string>, fields?: Field[]) => send(status, apiError(status, code, detail, fields), headers);

    // Rate limits count per credential (bearer token, digest user), else per client address.
    const key = /^Bearer (\S+)|username="([^"]*)"/i.exec(authorization ?? "")?.slice(1).find(Boolean) ?? req.socket.remoteAddress ?? "";
    const now = Date.now();
    let window = windows.get(key);
    if (!window || now - window.start >= windowMs) windows.set(key, (window = { start: now, count: 0 }));
    res.setHeader("RateLimit-Limit", String(limit));
    res.setHeader("RateLimit-Remaining", String(Math.max(0, limit - ++window.count)));
    if (window.count > limit) {
      const retryAfter = String(Math.max(1, Math.ceil((window.start + windowMs - now) / 1000)));
      return fail(429, "RATE_LIMITED", `More than ${limit} requests in ${windowMs / 1000} s with this credential; retry after ${retryAfter} s.`, { "retry-after": retryAfter });
    }
    const oauth = /^\/api\/oauth\/(token|revoke)$/.exec(url.pathname)?.[1];
    if (oauth && method === "POST") {
      const answer = auth.oauth(oauth, authorization, body);
      return void res.writeHead(answer.status, { "content-type": "application/json", "cache-control": "no-store" }).end(answer.body ? JSON.stringify(answer.body) : "");
    }
    if (oauth) return fail(405, "METHOD_NOT_ALLOWED", `${method} is not supported here; use POST.`, { allow: "POST" });

    const found = table.map((entry) => ({ entry, match: entry.pattern.exec(url.pathname) })).find((f) => f.match);
    if (!found) return fail(404, "RESOURCE_NOT_FOUND", `Cannot find resource ${url.pathname}.`);
    const route = found.entry.methods.get(method.toLowerCase());
    const allow = [...found.entry.methods.keys()].map((m) => m.toUpperCase()).join(", ");
    if (!route) return fail(405, "METHOD_NOT_ALLOWED", `${method} is not supported on ${url.pathname}; allowed: ${allow}.`, { allow });
    const params = Object.fromEntries(found.entry.names.map((name, i) => [name, decodeURIComponent(found.match![i + 1]!)]));
    const verdict = auth.check(authorization, method, req.url ?? "/");
    if ("refused" in verdict) return fail(401, "UNAUTHORIZED", "You are not authorized for this resource.", { "www-authenticate": auth.challenge(verdict.stale) });
    if (!(req.headers.accept ?? "").split(",").map(mediaType).includes(route.accept)) {
      return fail(406, "INVALID_VERSION_DATE", `The Accept header must name this resource's version, ${route.accept}; got ${JSON.stringify(req.headers.accept ?? "")}.`);
    }
    let parsed: Json | undefined;
    if (route.contentType && body !== "") {
      if (mediaType(req.headers["content-type"]) !== route.contentType) {
        return fail(415, "UNSUPPORTED_MEDIA_TYPE", `Content-Type must be ${route.contentType}; got ${JSON.stringify(req.headers["content-type"] ?? "")}.`);
      }
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
    const example = [...url.searchParams.values()].find((v) => route.examples.has(v));
    const prefer = stateful ? example && `example=${example}` : req.headers.prefer?.toString();
    const answer = await fetch(`${o.prismUrl}${url.pathname}${url.search}`, {
      method,
      headers: { accept: `${route.accept}, application/json`, authorization: "Bearer atlas-layer", ...(prefer ? { prefer } : {}), ...(parsed !== undefined ? { "content-type": route.contentType! } : {}) },
      ...(parsed !== undefined ? { body } : {}),
    });
    const text = await answer.text();
    const type = answer.headers.get("content-type") ?? "application/json";
    const problem = type.includes("problem+json") ? (JSON.parse(text) as Json) : undefined;
    // Prism lists request violations in sl-violations, or in a 422 problem's `validation` when no 4xx is documented.
    const violations = problem?.validation?.map((v: Json) => ({ ...v, location: ["request", ...v.location] })) ?? JSON.parse(answer.headers.get("sl-violations")?.replace(/^Too many violations! /, "") || "[]");
    const fields = [...fieldViolations(violations, route.parameters), ...route.undeclared(parsed)];
    if (fields.length > 0) return fail(400, "VALIDATION_ERROR", `Invalid request: ${fields.map((f) => `${f.field} ${f.description}`).join("; ")}.`, {}, fields);
    if (problem) return fail(answer.status, String(STATUS_CODES[answer.status]).toUpperCase().replace(/\W+/g, "_"), String(problem.detail ?? problem.title));

    let data: Json | undefined = text === "" ? undefined : JSON.parse(text);
    if (stateful && answer.ok && data) {
      for (const [field, param] of Object.entries(ECHOED)) if (field in data && params[param]) data[field] = params[param];
      if (route.op.operationId === "createProject") {
        const name = `${parsed!.orgId}/${parsed!.name}`;
        if (projects.has(name)) return fail(409, "GROUP_ALREADY_EXISTS", `A project named ${parsed!.name} already exists in organization ${parsed!.orgId}.`);
        const id = randomBytes(12).toString("hex");
        data = { ...data, ...parsed, id, created: new Date().toISOString().replace(/\.\d+Z$/, "Z"), clusterCount: 0, links: data.links, tags: parsed!.tags ?? [] };
        projects.add(name);
        groups.add(id);
      }
      if (route.op.operationId === "updateConnectedOrgConfig") {
        const stored = `${params.federationSettingsId}/${params.orgId}`;
        configs.set(stored, (data = { ...(configs.get(stored) ?? data), ...parsed, orgId: params.orgId }));
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
