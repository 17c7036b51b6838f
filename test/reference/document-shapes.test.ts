/**
 * Shapes of the document that generators read differently from what we mean (issue 15), and the
 * official spec's semantics the pages cannot show (issue 9), on the bundled generated/openapi.json:
 *  - path parameters keep the pages' order: positional generators make it their argument order;
 *  - a `required` list sits beside the properties it names: a response schema that extends a shared
 *    one with allOf restates the properties it requires, with the shared schema's annotations only;
 *  - no readOnly/writeOnly beside a $ref (OpenAPI 3.0 tools ignore a $ref's siblings);
 *  - the readOnly and uniqueItems marks the official spec carries.
 */
import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { valueAtPointer } from "../../src/openapi/document.js";
import { pathParameterOrder } from "../../scripts/diff/parameters.js";
import { readReferencePages } from "./pages.js";

type Json = any;

const bundlePath = new URL("../../generated/openapi.json", import.meta.url);
if (!existsSync(bundlePath)) throw new Error("generated/openapi.json is missing: run `npm run build` (or `npm run bundle`) first");
const doc: Json = JSON.parse(readFileSync(bundlePath, "utf8"));
const pages = readReferencePages(new URL("../fixtures/reference/", import.meta.url));
const schemas: Record<string, Json> = doc.components.schemas;

function deref(node: Json): Json {
  let n = node;
  while (n && typeof n.$ref === "string") n = valueAtPointer(doc, n.$ref);
  return n;
}

/** Every property a schema declares, through $refs and allOf, by name (first declaration wins). */
function declaredProperties(schema: Json): Record<string, Json> {
  const s = deref(schema);
  const fromMembers = (s.allOf ?? []).map(declaredProperties);
  return Object.assign({}, ...fromMembers.reverse(), s.properties ?? {});
}

/** Every schema object in the document with its JSON pointer (components, parameters, media types). */
function everySchemaNode(node: Json, pointer: string, out: [string, Json][] = []): [string, Json][] {
  if (Array.isArray(node)) node.forEach((child, i) => everySchemaNode(child, `${pointer}/${i}`, out));
  else if (node && typeof node === "object") {
    out.push([pointer, node]);
    for (const [key, child] of Object.entries(node)) {
      if (key === "examples" || key === "example") continue;
      everySchemaNode(child, `${pointer}/${key.replaceAll("~", "~0").replaceAll("/", "~1")}`, out);
    }
  }
  return out;
}

describe("path-parameter order", () => {
  const operations = pathParameterOrder(doc);

  it.each(pages.map((p) => [`${p.method} ${p.path}`, p] as const))("%s lists its path parameters in the page's order", (_name, page) => {
    const op = operations.find((o) => o.method === page.method.toLowerCase() && o.path === page.path);
    expect(op, `${page.method} ${page.path} is not in the document`).toBeDefined();
    expect(
      op!.pathParameters,
      `${op!.operationId}: positional generators take path parameters as arguments in this order; a reorder builds wrong URLs with no type error`,
    ).toEqual(page.pathParams.map((f) => f.name));
  });

  it("covers every operation of the document", () => {
    expect(operations.map((o) => `${o.method.toUpperCase()} ${o.path}`).sort()).toEqual(pages.map((p) => `${p.method} ${p.path}`).sort());
  });
});

describe("required lists beside the properties they name", () => {
  const extending = Object.entries(schemas).filter(([, s]) => Array.isArray(s.allOf));

  it("extends GroupResponse and ConnectedOrgConfigResponse from their shared schemas with a restating allOf member", () => {
    const restating = extending.filter(([, s]) => s.allOf.some((m: Json) => !m.$ref && m.properties)).map(([name]) => name);
    expect(restating).toEqual(expect.arrayContaining(["GroupResponse", "ConnectedOrgConfigResponse"]));
  });

  it.each(extending)("%s has no required list outside the allOf member that declares its properties", (name, schema) => {
    expect(schema.required, `${name}: a required list beside allOf names properties only another member declares; move it into the member that restates them`).toBeUndefined();
    for (const [i, member] of (schema.allOf as Json[]).entries()) {
      if (member.$ref) continue;
      const undeclared = (member.required ?? []).filter((p: string) => !member.properties?.[p]);
      expect(undeclared, `${name}/allOf/${i}: required names properties this member does not restate`).toEqual([]);
    }
  });

  // Annotations a restated property repeats; its validation keywords stay in the shared schema alone, so
  // Redoc, which merges allOf, shows each constraint once (a pattern twice renders as two lookaheads).
  const RESTATED = ["type", "format", "readOnly", "description"];

  it.each(extending)("%s restates the shared schema's annotations and no constraint", (name, schema) => {
    const shared = Object.assign({}, ...(schema.allOf as Json[]).filter((m) => m.$ref).map(declaredProperties));
    for (const [i, member] of (schema.allOf as Json[]).entries()) {
      for (const [prop, restated] of Object.entries<Json>(member.$ref ? {} : (member.properties ?? {}))) {
        if (!(prop in shared)) continue;
        const annotations = Object.fromEntries(RESTATED.filter((k) => k in shared[prop]).map((k) => [k, shared[prop][k]]));
        expect(restated, `${name}/allOf/${i}/properties/${prop} must repeat ${RESTATED.join(", ")} of the shared ${prop}, nothing else`).toEqual(annotations);
      }
    }
  });
});

describe("no readOnly or writeOnly beside a $ref", () => {
  it("writes every read-only or write-only schema inline", () => {
    const offenders = everySchemaNode(doc, "#").flatMap(([pointer, node]) =>
      typeof node.$ref === "string" ? Object.keys(node).filter((k) => k === "readOnly" || k === "writeOnly").map((k) => `${pointer}: ${k}`) : [],
    );
    expect(offenders, "readOnly/writeOnly beside a $ref is ignored by OpenAPI 3.0 tools (oazapfts accepts such a field in requests); write the schema inline").toEqual([]);
  });
});

describe("the official spec's semantics where the pages are silent", () => {
  /** [schema, property path below it, keyword]: each must hold. */
  const MARKS: [string, string, "readOnly" | "uniqueItems"][] = [
    ["DataProtectionSettings20231001", "deletable", "readOnly"],
    ["DataProtectionSettings20231001", "state", "readOnly"],
    ["DataProtectionSettings20231001", "updatedDate", "readOnly"],
    ["DataProtectionSettings20231001", "updatedUser", "readOnly"],
    ["DataProtectionSettings20231001", "onDemandPolicyItem.id", "readOnly"],
    ["DataProtectionSettings20231001", "scheduledPolicyItems[].id", "readOnly"],
    ["ConnectedOrgConfig", "dataAccessIdentityProviderIds", "uniqueItems"],
    ["ConnectedOrgConfig", "domainAllowList", "uniqueItems"],
    ["ConnectedOrgConfig", "postAuthRoleGrants", "uniqueItems"],
    ["ConnectedOrgConfig", "roleMappings", "uniqueItems"],
    ["ConnectedOrgConfig", "roleMappings[].roleAssignments", "uniqueItems"],
    ["ApiError", "error", "readOnly"],
    ["ApiError", "errorCode", "readOnly"],
    ["ApiError", "reason", "readOnly"],
    ["ApiError", "parameters", "readOnly"],
    ["ApiError", "detail", "readOnly"],
  ];

  function propertyAt(schemaName: string, path: string): Json {
    let node: Json = schemas[schemaName];
    for (const part of path.split(".")) {
      const [name, items] = [part.replace(/\[\]$/, ""), part.endsWith("[]")];
      node = declaredProperties(node)[name];
      if (items) node = deref(node)?.items;
      if (node === undefined) return undefined;
    }
    return node;
  }

  it.each(MARKS)("%s.%s is %s", (schemaName, path, keyword) => {
    const property = propertyAt(schemaName, path);
    expect(property, `${schemaName}.${path} is not in the document`).toBeDefined();
    expect(property[keyword], `${schemaName}.${path}: ${keyword}`).toBe(true);
  });
});
