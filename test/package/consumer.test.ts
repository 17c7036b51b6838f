/**
 * A downstream project's view of the package: `npm pack` the build, unpack it into a throwaway
 * node_modules (its dependencies linked from ours: no registry), then import every export from Node and
 * type-check a consumer file against the shipped declarations (strict, NodeNext, declaration files checked). Needs a prior `npm run build`.
 */
import { execFile, execFileSync } from "node:child_process";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DigestServer } from "../client/helpers/digest-server.js";
import { ORG_ID, orgSettings, sendJson, startMockAtlas } from "../client/helpers/mock-atlas.js";
import { OAuthServer } from "../client/helpers/oauth-server.js";
import { pageOperationKeys } from "../reference/pages.js";
import { createConsumerProject, packageJson as pkg, type ConsumerProject } from "../support/consumer-project.js";

let consumer: ConsumerProject;

const CONSUMER_TS = `
import { createAtlasClient, operationMediaTypes, type AtlasClient } from "${pkg.name}";
import type { components, paths } from "${pkg.name}/types";
import { AtlasContractError, withResponseValidation, type ContractReport } from "${pkg.name}/validate";

type Settings = components["schemas"]["OrganizationSettings"];
export const settings: Settings = { multiFactorAuthRequired: true };
export const path: keyof paths = "/api/atlas/v2/orgs/{orgId}/settings";
export const accept: string = operationMediaTypes.getOrganizationSettings.accept;
export const client: AtlasClient = createAtlasClient({ baseUrl: "http://127.0.0.1:9" });
export async function call(): Promise<boolean | undefined> {
  const { data } = await client.GET("/api/atlas/v2/orgs/{orgId}/settings", { params: { path: { orgId: "32b6e34b3d91647abb20e7b8" } } });
  return data?.multiFactorAuthRequired;
}
export const reports: ContractReport[] = [];
export const checked: AtlasClient = withResponseValidation(client, { onMismatch: (report) => reports.push(report), strict: false });
export const isContractError = (error: unknown): string | undefined => (error instanceof AtlasContractError ? error.report.mismatches[0]?.pointer : undefined);
`;

const CONSUMER_TSCONFIG = {
  compilerOptions: { target: "ES2022", lib: ["ES2022", "DOM"], module: "NodeNext", moduleResolution: "NodeNext", strict: true, noEmit: true, skipLibCheck: false, skipDefaultLibCheck: true, types: [] },
  files: ["consumer.ts", "wrong.ts"],
};

const CONSUMER_MJS = `
import { createAtlasClient } from "${pkg.name}";
import { AtlasContractError, withResponseValidation } from "${pkg.name}/validate";
import document from "${pkg.name}/openapi.json" with { type: "json" };
import document30 from "${pkg.name}/openapi-3.0.json" with { type: "json" };
import packageJson from "${pkg.name}/package.json" with { type: "json" };
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
await import("${pkg.name}/types");
const yaml = fileURLToPath(import.meta.resolve("${pkg.name}/openapi.yaml"));
const yaml30 = fileURLToPath(import.meta.resolve("${pkg.name}/openapi-3.0.yaml"));
const client = createAtlasClient({ baseUrl: "http://127.0.0.1:9" });
const checked = withResponseValidation(client, { strict: true });
console.log(JSON.stringify({
  client: typeof client.GET,
  validate: [typeof checked.GET, new AtlasContractError({ operationId: undefined, method: "GET", path: "/", status: 200, mediaType: null, schema: undefined, mismatches: [] }).name],
  openapi: document.openapi,
  operations: Object.values(document.paths).flatMap((item) => Object.keys(item).filter((key) => !key.startsWith("x-"))).length,
  openapi30: document30.openapi,
  operations30: Object.values(document30.paths).flatMap((item) => Object.keys(item).filter((key) => !key.startsWith("x-"))).length,
  yaml: existsSync(yaml),
  yaml30: existsSync(yaml30),
  version: packageJson.version,
}));
`;

/**
 * Service-account and API-key auth (and the redirect rules) are modules the package entry imports
 * dynamically: from the installed package they must load and work under plain Node.
 */
const LAZY_AUTH_MJS = `
import { createAtlasClient } from "${pkg.name}";
const [baseUrl, redirectTo] = process.argv.slice(2);
const path = "/api/atlas/v2/orgs/{orgId}/settings";
const params = { path: { orgId: "${ORG_ID}" } };
const serviceAccount = createAtlasClient({ baseUrl, auth: { clientId: "mdb_sa_id_consumer", clientSecret: "mdb_sa_sk_consumer-secret" } });
const viaToken = await serviceAccount.GET(path, { params });
const redirected = await serviceAccount.GET(path, { params: { path: { orgId: redirectTo } } });
await serviceAccount.close();
const apiKey = createAtlasClient({ baseUrl, auth: { publicKey: "consumerkey", privateKey: "consumer-private-key" } });
const viaDigest = await apiKey.GET("/api/atlas/v2/groups/{groupId}/backupCompliancePolicy", { params: { path: { groupId: "${ORG_ID}" } } });
console.log(JSON.stringify({ viaToken: viaToken.data, redirected: redirected.data, viaDigest: viaDigest.data }));
`;

beforeAll(() => {
  consumer = createConsumerProject();
  consumer.write("consumer.ts", CONSUMER_TS);
  consumer.write("tsconfig.json", JSON.stringify(CONSUMER_TSCONFIG));
  consumer.write("consumer.mjs", CONSUMER_MJS);
  consumer.write("lazy-auth.mjs", LAZY_AUTH_MJS);
});

afterAll(() => {
  consumer?.remove();
});

describe("the packed package in a consumer project", () => {
  it("imports the client, the types module, the validate entry, both bundles and the 3.0 companion from Node", () => {
    const out = execFileSync(process.execPath, ["consumer.mjs"], { cwd: consumer.dir, encoding: "utf8" });
    expect(JSON.parse(out)).toEqual({ client: "function", validate: ["function", "AtlasContractError"], openapi: "3.1.0", operations: pageOperationKeys().length, openapi30: "3.0.3", operations30: pageOperationKeys().length, yaml: true, yaml30: true, version: pkg.version });
  });

  it("type-checks a consumer of the client, the generated types and the validate entry, and catches a wrong use of them", () => {
    // One tsc run over a correct file and a wrong one: the only errors must be the wrong file's.
    consumer.write("wrong.ts", `import type { paths } from "${pkg.name}/types";\nexport const path: keyof paths = "/api/atlas/v2/no-such-path";\n`);
    const result = consumer.tsc("tsconfig.json");
    const errors = result.stdout.split("\n").filter((line) => /error TS\d+/.test(line));
    expect(errors).toEqual([expect.stringMatching(/^wrong\.ts\(2,14\): error TS2322: Type '"\/api\/atlas\/v2\/no-such-path"' is not assignable/)]);
    expect(result.status).toBe(2);
  });

  it("loads service-account auth, digest auth and the redirect rules on demand under Node", async () => {
    const oauth = new OAuthServer("mdb_sa_id_consumer", "mdb_sa_sk_consumer-secret");
    const digest = new DigestServer("consumerkey", "consumer-private-key");
    const moved = "5888442a3354817a7320eb61";
    const atlas = await startMockAtlas((req, res, raw) => {
      if (oauth.handle(req, res, raw)) return;
      if (req.path.includes("/groups/")) {
        if (digest.authorize(req, res)) sendJson(res, 200, { projectId: "digest-ok" });
      } else if (req.path.includes(moved)) {
        res.writeHead(302, { location: req.path.replace(moved, ORG_ID) }).end();
      } else if (oauth.authorize(req, res)) {
        sendJson(res, 200, orgSettings);
      }
    });
    try {
      const { stdout } = await promisify(execFile)(process.execPath, ["lazy-auth.mjs", atlas.baseUrl, moved], { cwd: consumer.dir, encoding: "utf8" });
      expect(JSON.parse(stdout)).toEqual({ viaToken: orgSettings, redirected: orgSettings, viaDigest: { projectId: "digest-ok" } });
      expect(oauth.issued).toHaveLength(1);
      expect(oauth.revoked).toEqual(oauth.issued);
      expect(digest.accepted).toHaveLength(1);
    } finally {
      await atlas.close();
    }
  });
});
