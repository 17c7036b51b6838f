/**
 * withResponseValidation on a real createAtlasClient against a local HTTP server: what reaches
 * onMismatch, what strict mode throws, what the caller still gets, and what is never checked or shown.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { AtlasConfigError, AtlasError, createAtlasClient } from "../../src/index.js";
import { AtlasContractError, withResponseValidation, type ContractReport, type ResponseValidationOptions } from "../../src/validate/index.js";
import { createdProject, GROUP_ID, ORG_ID, orgSettings, sendJson, sendText, startMockAtlas, type MockAtlas } from "../client/helpers/mock-atlas.js";

const TOKEN = "validate-test-token-4f1c";
const SETTINGS_TYPE = "application/vnd.atlas.2023-01-01+json";

let atlas: MockAtlas;
beforeEach(async () => {
  atlas = await startMockAtlas();
});
afterEach(() => atlas.close());

function validated(options: ResponseValidationOptions) {
  return withResponseValidation(createAtlasClient({ baseUrl: atlas.baseUrl, auth: { accessToken: TOKEN }, retry: { maxAttempts: 1 } }), options);
}
const getSettings = (client: ReturnType<typeof validated>) => client.GET("/api/atlas/v2/orgs/{orgId}/settings", { params: { path: { orgId: ORG_ID } } });
const answer = (status: number, body: unknown, contentType = SETTINGS_TYPE) => atlas.handle((_req, res) => sendJson(res, status, body, { "content-type": contentType }));

describe("withResponseValidation through a real client", () => {
  it("passes a response the document describes through untouched, without a report", async () => {
    answer(200, orgSettings);
    const onMismatch = vi.fn();
    const { data, error, response } = await getSettings(validated({ onMismatch }));
    expect(data).toEqual(orgSettings);
    expect(error).toBeUndefined();
    expect(response.status).toBe(200);
    expect(onMismatch).not.toHaveBeenCalled();
  });

  it("reports a body that breaks the document once, with every mismatch, and still returns the data", async () => {
    const body = { ...orgSettings, multiFactorAuthRequired: "yes", securityContact: 7 };
    answer(200, body);
    const reports: ContractReport[] = [];
    const { data } = await getSettings(validated({ onMismatch: (report) => reports.push(report) }));
    expect(data).toEqual(body);
    expect(reports).toEqual([
      {
        operationId: "getOrganizationSettings",
        method: "GET",
        path: "/api/atlas/v2/orgs/{orgId}/settings",
        status: 200,
        mediaType: SETTINGS_TYPE,
        schema: "#/components/schemas/OrganizationSettings",
        mismatches: [
          { pointer: "/multiFactorAuthRequired", keyword: "type", expected: "boolean", received: 'string "yes"' },
          { pointer: "/securityContact", keyword: "type", expected: "string", received: "integer 7" },
        ],
      },
    ]);
  });

  it("in strict mode rejects with AtlasContractError, after calling onMismatch", async () => {
    answer(200, { ...orgSettings, restrictEmployeeAccess: "no" });
    const onMismatch = vi.fn();
    const call = getSettings(validated({ onMismatch, strict: true }));
    await expect(call).rejects.toBeInstanceOf(AtlasContractError);
    const error = (await call.then(() => undefined, (e: unknown) => e)) as AtlasContractError;
    expect(error).toBeInstanceOf(AtlasError);
    expect(error.name).toBe("AtlasContractError");
    expect(error.report.mismatches).toEqual([{ pointer: "/restrictEmployeeAccess", keyword: "type", expected: "boolean", received: 'string "no"' }]);
    expect(error.message).toBe(
      'GET /api/atlas/v2/orgs/{orgId}/settings (getOrganizationSettings) answered 200 application/vnd.atlas.2023-01-01+json, which the document does not describe: /restrictEmployeeAccess: type: expected boolean, received string "no"',
    );
    expect(onMismatch).toHaveBeenCalledTimes(1);
  });

  it("never puts the token or a whole body into a report or an error", async () => {
    const long = `${TOKEN} ${"z".repeat(5000)}`;
    atlas.handle((req, res) => sendJson(res, 200, { ...orgSettings, securityContact: { echoed: req.headers.authorization, long } }, { "content-type": SETTINGS_TYPE }));
    const reports: ContractReport[] = [];
    const error = (await getSettings(validated({ onMismatch: (r) => reports.push(r), strict: true })).then(() => undefined, (e: unknown) => e)) as Error;
    const everything = JSON.stringify(reports) + error.message + JSON.stringify(error);
    expect(everything).not.toContain(TOKEN);
    expect(everything).not.toContain("zzzzzzzzzz");
    expect(reports[0]!.mismatches).toEqual([{ pointer: "/securityContact", keyword: "type", expected: "string", received: "object (2 properties)" }]);
  });

  it("checks error bodies against the status's schema", async () => {
    answer(404, { error: 404, errorCode: "RESOURCE_NOT_FOUND", reason: "Not Found", detail: "no such org" }, "application/json");
    const reports: ContractReport[] = [];
    const client = validated({ onMismatch: (r) => reports.push(r) });
    const { error } = await getSettings(client);
    expect(error).toMatchObject({ errorCode: "RESOURCE_NOT_FOUND" });
    expect(reports).toEqual([]);

    answer(403, { error: 403, errorCode: "FORBIDDEN", reason: 403 }, "application/json");
    await getSettings(client);
    expect(reports).toEqual([expect.objectContaining({ status: 403, schema: "#/components/schemas/ApiError", mismatches: [{ pointer: "/reason", keyword: "type", expected: "string", received: "integer 403" }] })]);
  });

  it("reports an error body that was not ApiError JSON (an HTML page from a proxy)", async () => {
    atlas.handle((_req, res) => sendText(res, 500, "<html>oops</html>", "text/html"));
    const reports: ContractReport[] = [];
    await getSettings(validated({ onMismatch: (r) => reports.push(r) }));
    expect(reports).toEqual([expect.objectContaining({ status: 500, mismatches: [{ pointer: "", keyword: "body", expected: "an ApiError JSON body", received: "a body that is not ApiError JSON" }] })]);
  });

  it("reports a status code and a media type the document does not give for the operation", async () => {
    const reports: ContractReport[] = [];
    const client = validated({ onMismatch: (r) => reports.push(r) });
    answer(418, { error: 418, errorCode: "TEAPOT" }, "application/json");
    await getSettings(client);
    answer(200, orgSettings, "application/json; charset=utf-8");
    await getSettings(client);
    expect(reports.map((r) => r.mismatches)).toEqual([
      [{ pointer: "", keyword: "status", expected: "one of 200, 401, 403, 404, 406, 429, 500", received: "418" }],
      [{ pointer: "", keyword: "mediaType", expected: `one of ${SETTINGS_TYPE}`, received: "application/json" }],
    ]);
  });

  it("accepts a 204 without a body where the document gives none, and reports a missing body where it gives one", async () => {
    const reports: ContractReport[] = [];
    const client = validated({ onMismatch: (r) => reports.push(r) });
    atlas.handle((_req, res) => res.writeHead(204).end());
    const { response } = await client.DELETE("/api/atlas/v2/groups/{groupId}/clusters/{clusterName}/onlineArchives/{archiveId}", {
      params: { path: { groupId: GROUP_ID, clusterName: "Cluster0", archiveId: "5f8b7c6d5e4f3a2b1c0d9e8f" } },
    });
    expect(response.status).toBe(204);
    expect(reports).toEqual([]);
    atlas.handle((_req, res) => res.writeHead(200, { "content-type": SETTINGS_TYPE, "content-length": "0" }).end());
    await getSettings(client);
    expect(reports.map((r) => r.mismatches)).toEqual([[{ pointer: "", keyword: "body", expected: `a ${SETTINGS_TYPE} body`, received: "no body" }]]);
  });

  it("checks POST bodies and calls made through request()", async () => {
    const reports: ContractReport[] = [];
    const client = validated({ onMismatch: (r) => reports.push(r) });
    const { clusterCount: _dropped, ...withoutCount } = createdProject;
    atlas.handle((_req, res) => sendJson(res, 200, withoutCount, { "content-type": SETTINGS_TYPE }));
    const { data } = await client.POST("/api/atlas/v2/groups", { body: { name: "p", orgId: ORG_ID } });
    expect(data).toEqual(withoutCount);
    await client.request("post", "/api/atlas/v2/groups", { body: { name: "p", orgId: ORG_ID } });
    expect(reports).toHaveLength(2);
    for (const report of reports) {
      expect(report).toMatchObject({ operationId: "createProject", method: "POST", schema: "#/components/schemas/GroupResponse" });
      expect(report.mismatches).toEqual([{ pointer: "/clusterCount", keyword: "required", expected: 'required property "clusterCount"', received: "missing" }]);
    }
  });

  it("does not check calls whose body the caller reads itself (parseAs other than json)", async () => {
    answer(200, { multiFactorAuthRequired: "not a boolean" });
    const onMismatch = vi.fn();
    const { data } = await validated({ onMismatch, strict: true }).GET("/api/atlas/v2/orgs/{orgId}/settings", { params: { path: { orgId: ORG_ID } }, parseAs: "text" });
    expect(JSON.parse(data as unknown as string)).toEqual({ multiFactorAuthRequired: "not a boolean" });
    expect(onMismatch).not.toHaveBeenCalled();
  });

  it("keeps the wrapped client's middleware registration and close()", async () => {
    answer(200, orgSettings);
    const client = validated({ strict: true });
    const seen: string[] = [];
    const middleware = { onRequest: ({ request }: { request: Request }) => void seen.push(request.method) };
    client.use(middleware);
    await getSettings(client);
    client.eject(middleware);
    await getSettings(client);
    expect(seen).toEqual(["GET"]);
    await client.close();
    await expect(getSettings(client)).rejects.toMatchObject({ name: "AtlasClientClosedError" });
  });
});

describe("withResponseValidation options", () => {
  const client = () => createAtlasClient({ baseUrl: "http://127.0.0.1:9" });
  it.each([
    [{}, "onMismatch"],
    [{ strict: false }, "onMismatch"],
    [{ onMismatch: "log" }, "onMismatch"],
    [{ strict: "yes" }, "strict"],
    [{ strict: true, maxValueLength: -1 }, "maxValueLength"],
    [{ strict: true, maxValueLength: 1.5 }, "maxValueLength"],
    [{ strict: true, onMissmatch: () => {} }, "onMissmatch"],
  ])("rejects %j naming %s", (options, field) => {
    expect(() => withResponseValidation(client(), options as ResponseValidationOptions)).toThrow(AtlasConfigError);
    expect(() => withResponseValidation(client(), options as ResponseValidationOptions)).toThrow(expect.objectContaining({ field }));
  });
});
