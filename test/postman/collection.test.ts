/**
 * The Postman collection (generated/atlas-admin.postman_collection.json, from `npm run build`) against the
 * document it is made from: every operation once, in its tag's folder, with the versioned headers, the
 * examples, the auth variables and the embedded response schema; and the post-processing step's errors.
 */
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { operationMediaTypes } from "../../src/openapi/document.js";
import { convertDocument, finishCollection, takeUnicodePatterns, type Collection } from "../../scripts/postman/collection.js";
import { listOperations, readBundledDocument, valueAt, type JsonObject } from "../support/bundled-document.js";
import { describeErrors, DocumentValidator } from "../support/document-validator.js";

const COLLECTION = fileURLToPath(new URL("../../generated/atlas-admin.postman_collection.json", import.meta.url));
const DOCS_COPY = fileURLToPath(new URL("../../dist/docs/atlas-admin.postman_collection.json", import.meta.url));
const doc = readBundledDocument();
const operations = listOperations(doc);
type Request = { name: string; folder: string; request: any; test: string };

let collection: Collection;
let requests: Request[];

beforeAll(() => {
  if (!existsSync(COLLECTION)) throw new Error("generated/atlas-admin.postman_collection.json is missing: run npm run build first");
  collection = JSON.parse(readFileSync(COLLECTION, "utf8"));
  requests = collection.item.flatMap((folder) => (folder.item ?? []).map((item) => ({ name: item.name, folder: folder.name, request: item.request, test: (item.event as any[])[0].script.exec.join("\n") })));
});

function requestFor(operationId: string): Request {
  const op = operations.find((o) => o.operationId === operationId)!;
  const raw = valueAt(doc, `#/paths/${op.path.replaceAll("/", "~1")}/${op.method}`) as JsonObject;
  const found = requests.filter((r) => r.name === raw.summary);
  expect(found, `one request named "${raw.summary}"`).toHaveLength(1);
  return found[0]!;
}

const rawOperation = (operationId: string) => {
  const op = operations.find((o) => o.operationId === operationId)!;
  return { op, raw: valueAt(doc, `#/paths/${op.path.replaceAll("/", "~1")}/${op.method}`) as JsonObject };
};

describe("the built collection", () => {
  it("is what the generator makes of generated/openapi.json now, and the docs page's copy is the same file", async () => {
    expect(JSON.parse(readFileSync(COLLECTION, "utf8"))).toEqual(finishCollection(await convertDocument(doc), doc));
    expect(readFileSync(DOCS_COPY, "utf8")).toBe(readFileSync(COLLECTION, "utf8"));
  });

  it("is linked from the docs page, which sits beside its copy", () => {
    const page = readFileSync(fileURLToPath(new URL("../../dist/docs/index.html", import.meta.url)), "utf8");
    expect(page).toContain('<a href="atlas-admin.postman_collection.json" download>Postman collection</a>');
  });

  it("has one request per operation, in the folder of its tag, named by its summary, with its description", () => {
    expect(requests).toHaveLength(operations.length);
    for (const { op, raw } of operations.map((o) => rawOperation(o.operationId))) {
      const request = requestFor(op.operationId);
      expect(request.folder).toBe((raw.tags as string[])[0]);
      expect(request.request.method).toBe(op.method.toUpperCase());
      expect(request.request.description.content).toBe(raw.description);
      const path = `/${request.request.url.path.join("/")}`.replace(/\/:([^/]+)/g, "/{$1}");
      expect(path).toBe(op.path);
    }
  });

  it("sends each operation's versioned Accept, and its Content-Type with a body; never application/json", () => {
    for (const { op, raw } of operations.map((o) => rawOperation(o.operationId))) {
      const types = operationMediaTypes(op.operationId, op.method, op.path, raw);
      const headers = requestFor(op.operationId).request.header as { key: string; value: string }[];
      expect(headers).toEqual([{ key: "Accept", value: types.accept }, ...(types.contentType ? [{ key: "Content-Type", value: types.contentType }] : [])]);
    }
    expect(JSON.stringify(requests.map((r) => r.request))).not.toContain("application/json");
  });

  it("declares baseUrl (the document's server), the auth variables, and a variable per path parameter seeded with its example", () => {
    const variables = Object.fromEntries((collection.variable ?? []).map((v) => [v.key, v.value]));
    expect(variables.baseUrl).toBe((doc.servers as JsonObject[])[0]!.url);
    expect(variables).toMatchObject({ authMode: "serviceAccount", clientId: "", clientSecret: "", publicKey: "", privateKey: "" });
    for (const op of operations) {
      const request = requestFor(op.operationId).request;
      for (const parameter of op.parameters.filter((p) => p.in === "path")) {
        expect(variables[parameter.name], parameter.name).toBe(String(parameter.examples[0]));
        expect(request.url.variable).toContainEqual(expect.objectContaining({ key: parameter.name, value: `{{${parameter.name}}}` }));
      }
      for (const parameter of op.parameters.filter((p) => p.in === "query" && p.required)) {
        expect(request.url.query).toContainEqual(expect.objectContaining({ key: parameter.name, value: String(parameter.examples[0]) }));
      }
    }
  });

  it("sends the document's first body example, valid for the request schema and for commercial Atlas", () => {
    const validator = new DocumentValidator(doc);
    const withBodies = operations.filter((op) => op.requestBody);
    expect(withBodies.length).toBeGreaterThan(0);
    for (const op of withBodies) {
      const media = op.requestBody!.contents[0]!;
      const body = JSON.parse(requestFor(op.operationId).request.body.raw);
      expect(body).toEqual([...media.examples.values()][0]);
      expect(describeErrors(validator.errors("request-forbid", media.schemaPointer!, body))).toBe("");
      expect(JSON.stringify(body)).not.toMatch(/COMMERCIAL_FEDRAMP_REGIONS_ONLY|GOV_REGIONS_ONLY/);
    }
  });

  it("authenticates through the collection's pre-request script and bearer {{accessToken}}; no request has auth of its own", () => {
    expect(collection.auth).toEqual({ type: "bearer", bearer: [{ key: "token", value: "{{accessToken}}", type: "string" }] });
    const prerequest = (collection.event as any[]).find((e) => e.listen === "prerequest").script.exec.join("\n");
    expect(prerequest).toContain("/api/oauth/token");
    expect(prerequest).toContain('authorizeUsing("digest"');
    for (const r of requests) expect(r.request.auth).toBeUndefined();
  });

  it("tests each request's documented 2xx status and embeds its response schema", () => {
    for (const op of operations) {
      const success = op.responses.find((r) => /^2\d\d$/.test(r.code))!;
      const expected = JSON.parse(/^const expected = (.*);$/m.exec(requestFor(op.operationId).test)![1]!);
      expect(expected.status).toBe(Number(success.code));
      expect(expected.schema === null).toBe(success.contents.every((c) => c.schemaPointer === undefined));
    }
  });
});

describe("post-processing", () => {
  it("takes \\p{…} patterns out of a schema (through $ref, allOf, items) and says where they apply", () => {
    const resource = { allOf: [{ type: "array", items: { $ref: "#/components/schemas/Named" } }], components: { schemas: { Named: { properties: { name: { type: "string", pattern: "^\\p{L}+$" }, id: { pattern: "^[a-f0-9]{24}$" } } } } } };
    expect(takeUnicodePatterns(resource, resource)).toEqual([{ path: ["*", "name"], pattern: "^\\p{L}+$" }]);
    expect(resource.components.schemas.Named.properties.name).toEqual({ type: "string" });
    expect(resource.components.schemas.Named.properties.id.pattern).toBe("^[a-f0-9]{24}$");
  });

  it("refuses a path parameter without an example, naming it and the operation", async () => {
    const broken = structuredClone(doc) as any;
    for (const item of Object.values(broken.paths) as any[]) for (const op of Object.values(item) as any[]) for (const p of op.parameters ?? []) if (p.name === "archiveId") delete p.example;
    await expect(convertDocument(broken).then((c) => finishCollection(c, broken))).rejects.toThrow(/deleteOnlineArchive .*path parameter archiveId has no example/);
  });

  it("refuses two operations seeding one path variable with different examples", async () => {
    const broken = structuredClone(doc) as any;
    const settings = Object.values(broken.paths).flatMap((item: any) => Object.values(item)).find((op: any) => op.operationId === "getOrganizationSettings") as any;
    // An inline copy, so that only this operation's orgId changes (the parameter may be a shared $ref).
    settings.parameters = settings.parameters.map((p: any) => {
      const parameter = p.$ref ? (valueAt(broken, p.$ref) as any) : p;
      return parameter.name === "orgId" ? { ...parameter, example: "aaaaaaaaaaaaaaaaaaaaaaaa" } : p;
    });
    await expect(convertDocument(broken).then((c) => finishCollection(c, broken))).rejects.toThrow(/path parameter orgId has the example .*one collection variable cannot hold both/);
  });

  it("refuses a converted request that matches no operation of the document", async () => {
    const converted = await convertDocument(doc);
    converted.item[0]!.item![0]!.request.url.path.push("extra");
    expect(() => finishCollection(converted, doc)).toThrow(/not an operation of the document/);
  });
});
