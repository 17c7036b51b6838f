/**
 * finishBundle() and the sample writers on their own (the samples' runs against the mock are in
 * test/contract/code-samples.test.ts): every operation gets its three samples from the document alone,
 * a new operation gets them for free, values that need quoting survive the shell and TypeScript, an
 * operation that lacks what a sample needs gets none and Spectral names the place, the built
 * files are what the generator makes now, and the docs page is configured to show every sample.
 */
import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { bundleProject, bundleToYaml } from "../../scripts/bundle/bundler.js";
import { lintYaml } from "../spectral/spectralHarness.js";
import { projectPaths } from "../../scripts/common/project-paths.js";
import { BUNDLE_YAML } from "../../scripts/common/project-paths.js";
import { SAMPLE_LABELS, tsLiteral, type CodeSample } from "../../scripts/bundle/code-samples.js";
import { finishBundle } from "../../scripts/bundle/finish-bundle.js";
import { listOperations, readBundledDocument, type JsonObject } from "../support/bundled-document.js";
import { curlArguments, operationSamples } from "../support/code-samples.js";
import { pageOperationKeys } from "../reference/pages.js";
import { repoRoot } from "../support/consumer-project.js";

type Doc = Record<string, any>;

/** The bundled document as Redocly makes it, without the generated samples. */
function withoutSamples(doc: JsonObject): Doc {
  const copy = structuredClone(doc) as Doc;
  for (const item of Object.values(copy.paths as Doc)) for (const op of Object.values(item as Doc)) if (op && typeof op === "object") delete (op as Doc)["x-codeSamples"];
  return copy;
}

function samplesOf(doc: Doc, path: string, method: string): CodeSample[] {
  return doc.paths[path][method]["x-codeSamples"] as CodeSample[];
}

const QUOTED = `O'Brien's "dev" $HOME \`id\` \\ ünï`;

/** A new operation whose example values need quoting everywhere. */
function addThingOperation(doc: Doc): Doc {
  doc.paths["/api/atlas/v2/groups/{groupId}/things/{thingName}"] = {
    post: {
      operationId: "createThing",
      parameters: [
        { $ref: "#/components/parameters/groupId" },
        { name: "thingName", in: "path", required: true, schema: { type: "string" }, example: QUOTED },
        { name: "mode", in: "query", required: true, schema: { type: "string" }, examples: { first: { value: "a&b=c" } } },
        { name: "limit", in: "query", required: true, schema: { type: "integer" }, example: 5 },
        { name: "verbose", in: "query", required: false, schema: { type: "boolean" }, example: true },
      ],
      requestBody: {
        content: {
          "application/vnd.atlas.2025-01-01+json": {
            schema: { type: "object" },
            examples: { thing: { value: { name: QUOTED, "kebab-key": [1, null, { deep: "x" }] } } },
          },
        },
      },
      responses: { "201": { description: "Created", content: { "application/vnd.atlas.2025-01-01+json": { schema: { type: "object" } } } } },
    },
  };
  return doc;
}

describe("finishBundle", () => {
  const built = readBundledDocument();
  const source = withoutSamples(built);

  it("gives every operation of the built document the three samples, in the docs' order", () => {
    const all = operationSamples(built);
    expect(all.map((s) => s.op.operationId)).toEqual(listOperations(built).map((op) => op.operationId));
    expect(all).toHaveLength(pageOperationKeys().length);
    for (const { op } of all) {
      const item = (built.paths as Doc)[op.path][op.method];
      expect((item["x-codeSamples"] as CodeSample[]).map((s) => [s.lang, s.label]), op.operationId).toEqual([
        ["curl", SAMPLE_LABELS.curlServiceAccount],
        ["curl", SAMPLE_LABELS.curlApiKey],
        ["TypeScript", SAMPLE_LABELS.typescript],
      ]);
    }
  });

  it("built generated/openapi.json and generated/openapi.yaml with today's generator, as one document", async () => {
    expect(built, "generated/openapi.json is stale: run npm run bundle").toEqual(finishBundle(await bundleProject(projectPaths(repoRoot))));
    // YAML 1.1 rules: a reader that takes bare timestamps or yes/no for non-strings must still get strings.
    expect(parse(readFileSync(BUNDLE_YAML, "utf8"), { version: "1.1" })).toEqual(built);
  });

  it("leaves its input alone and refuses samples written by hand", () => {
    const input = structuredClone(source);
    const finished = finishBundle(input);
    expect(input).toEqual(source);
    const first = listOperations(built)[0]!.operationId;
    expect(() => finishBundle(finished)).toThrow(new RegExp(`^${first}: x-codeSamples are generated while bundling`));
  });

  it("gives a new operation its samples for free, quoting what the shell and TypeScript need", () => {
    const doc = finishBundle(addThingOperation(structuredClone(source)));
    const [serviceAccount, apiKey, typescript] = samplesOf(doc, "/api/atlas/v2/groups/{groupId}/things/{thingName}", "post");
    const url = `https://cloud.mongodb.com/api/atlas/v2/groups/32b6e34b3d91647abb20e7b8/things/${encodeURIComponent(QUOTED)}?mode=a%26b%3Dc&limit=5`;
    const body = { name: QUOTED, "kebab-key": [1, null, { deep: "x" }] };
    const args = curlArguments(serviceAccount!.source, { ACCESS_TOKEN: "t", HOME: "/nowhere" });
    expect(args).toEqual([
      "--request", "POST", url,
      "--header", "Authorization: Bearer t",
      "--header", "Accept: application/vnd.atlas.2025-01-01+json",
      "--header", "Content-Type: application/vnd.atlas.2025-01-01+json",
      "--data", expect.any(String),
    ]);
    expect(JSON.parse(args.at(-1)!)).toEqual(body);
    expect(curlArguments(apiKey!.source, { PUBLIC_KEY: "p", PRIVATE_KEY: "s" }).slice(0, 6)).toEqual(["--request", "POST", url, "--digest", "--user", "p:s"]);
    expect(typescript!.source).toContain(`atlas.POST("/api/atlas/v2/groups/{groupId}/things/{thingName}", {`);
    expect(typescript!.source).toContain(`path: { groupId: "32b6e34b3d91647abb20e7b8", thingName: ${JSON.stringify(QUOTED)} }`);
    expect(typescript!.source).toContain(`query: { mode: "a&b=c", limit: 5 }`);
    expect(typescript!.source).not.toContain("verbose");
  });

  it("writes TypeScript literals that evaluate to the document's values", () => {
    const values = [{ name: QUOTED, "kebab-key": [1, null, { deep: "x" }], nested: { list: Array.from({ length: 30 }, (_, i) => `item-${i}`) } }, [], {}, "x", 0, false];
    for (const value of values) {
      const text = tsLiteral(value, "  ", 10);
      expect(new Function(`return (${text});`)(), text).toEqual(value);
      for (const line of text.split("\n")) expect(line.length, line).toBeLessThanOrEqual(100 + QUOTED.length);
    }
  });

  it("gives no samples to an operation that lacks what they need, and Spectral names every such place with its line", async () => {
    const lacking = structuredClone(source);
    delete lacking.components.parameters.orgId.example;
    delete lacking.paths["/api/atlas/v2/groups"].post.requestBody.content["application/vnd.atlas.2023-01-01+json"].examples;
    const finished = finishBundle(lacking) as Doc;
    const withSamples = listOperations(finished).filter((op) => samplesOf(finished, op.path, op.method) !== undefined).map((op) => op.operationId);
    // orgId is the path parameter of two operations; the body example is createProject's.
    expect(withSamples.sort()).toEqual(["deleteOnlineArchive", "getAccountDetails", "getDataProtectionSettings"]);

    const file = "dist/lint/openapi.yaml";
    const results = await lintYaml(bundleToYaml(finished), file);
    const found = results.filter((r) => String(r.code).startsWith("atlas-code-sample-")).map((r) => `${r.code} ${r.path.join(".")}`);
    expect(found.sort()).toEqual([
      "atlas-code-sample-parameter-example components.parameters.orgId",
      "atlas-code-sample-parameter-example paths./api/atlas/v2/federationSettings/{federationSettingsId}/connectedOrgConfigs/{orgId}.patch.parameters.1",
      "atlas-code-sample-request-body-example paths./api/atlas/v2/groups.post.requestBody.content.application/vnd.atlas.2023-01-01+json",
    ]);
    for (const r of results.filter((r) => String(r.code).startsWith("atlas-code-sample-"))) expect(r.range.start.line).toBeGreaterThan(0);

    const noServer = structuredClone(source);
    noServer.servers = [{ url: "/relative" }];
    const finishedNoServer = finishBundle(noServer) as Doc;
    expect(listOperations(finishedNoServer).every((op) => samplesOf(finishedNoServer, op.path, op.method) === undefined)).toBe(true);
  });

  it("has the docs page (redocly.yaml) list every sample label, so Redoc shows each one", () => {
    const config = parse(readFileSync(`${repoRoot}/redocly.yaml`, "utf8")) as Doc;
    const labels = (config.openapi?.codeSamples?.languages ?? []).map((l: Doc) => l.label);
    expect(labels).toEqual(expect.arrayContaining(Object.values(SAMPLE_LABELS)));
  });
});
