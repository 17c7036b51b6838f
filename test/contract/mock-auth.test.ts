/**
 * The Atlas mock's authentication, all three modes checked for real (docs/mock.md, "Authentication"):
 * raw requests and curl for the wire format, and the project's client end to end in each mode.
 */
import { spawnSync } from "node:child_process";
import { beforeAll, describe, expect, inject, test } from "vitest";
import { createAtlasClient } from "../../src/index.js";
import { BEARER, call, CREDENTIALS, fetchToken, ORG_ID, ownLayer, SETTINGS, V2023 } from "../support/atlas-layer.js";

const baseUrl = inject("mockBaseUrl");
const versioned = { accept: V2023 };
const form = "application/x-www-form-urlencoded";
const CHALLENGE = /^Digest realm="MMS Public API", nonce="[0-9a-f]{32}", qop="auth", algorithm=MD5$/;

function expectUnauthorized(answer: Awaited<ReturnType<typeof call>>, stale = false): void {
  expect(answer.status).toBe(401);
  expect(answer.type).toBe("application/json");
  expect(answer.body).toMatchObject({ error: 401, errorCode: "UNAUTHORIZED", reason: "Unauthorized" });
  expect(answer.headers.get("www-authenticate")).toMatch(stale ? /^Digest .*, stale=true$/ : CHALLENGE);
}

function curl(args: string[]): { status: number; body: string } {
  const run = spawnSync("curl", ["--silent", "--show-error", "--write-out", "\n%{http_code}", ...args], { encoding: "utf8" });
  expect(run.stderr).toBe("");
  const lines = run.stdout.split("\n");
  return { status: Number(lines.pop()), body: lines.join("\n") };
}

describe("no credentials or unknown ones", () => {
  test.each([
    ["none", undefined],
    ["an unknown bearer token", "Bearer not-a-token-the-mock-issued"],
    ["an empty bearer token", "Bearer "],
    ["lower-case bearer", `bearer ${CREDENTIALS.accessToken}`],
    ["HTTP Basic with the client credentials", `Basic ${btoa(`${CREDENTIALS.clientId}:${CREDENTIALS.clientSecret}`)}`],
    ["a digest with the wrong password", "Digest username=\"mockpublickey\", realm=\"MMS Public API\", nonce=\"00\", uri=\"/\", response=\"00\", qop=auth, nc=00000001, cnonce=\"a\""],
  ])("%s: 401 ApiError with a digest challenge", async (_, authorization) => {
    expectUnauthorized(await call(baseUrl, SETTINGS, { headers: { ...versioned, ...(authorization ? { authorization } : {}) } }));
  });
});

describe("static access token", () => {
  test("curl with the token gets 200", () => {
    const answer = curl(["--header", `Authorization: ${BEARER}`, "--header", `Accept: ${V2023}`, `${baseUrl}${SETTINGS}`]);
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toHaveProperty("securityContact");
  });

  test("the client with { accessToken } gets data", async () => {
    const client = createAtlasClient({ baseUrl, auth: { accessToken: CREDENTIALS.accessToken } });
    const { data, response } = await client.GET("/api/atlas/v2/orgs/{orgId}/settings", { params: { path: { orgId: ORG_ID } } });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe(V2023);
    expect(data).toHaveProperty("multiFactorAuthRequired");
    await client.close();
  });
});

describe("service accounts", () => {
  test("POST /api/oauth/token with HTTP Basic issues an opaque bearer token", async () => {
    const answer = await call(baseUrl, "/api/oauth/token", { method: "POST", headers: { authorization: `Basic ${btoa(`${CREDENTIALS.clientId}:${CREDENTIALS.clientSecret}`)}`, "content-type": form }, body: "grant_type=client_credentials" });
    expect(answer.status).toBe(200);
    expect(answer.type).toBe("application/json");
    expect(answer.body).toEqual({ access_token: expect.stringMatching(/^\S{20,}$/), token_type: "Bearer", expires_in: 3600 });
    expect((await call(baseUrl, SETTINGS, { headers: { ...versioned, authorization: `Bearer ${answer.body.access_token}` } })).status).toBe(200);
  });

  test("client credentials as form fields work too (curl)", () => {
    const answer = curl(["--data", `grant_type=client_credentials&client_id=${CREDENTIALS.clientId}&client_secret=${CREDENTIALS.clientSecret}`, `${baseUrl}/api/oauth/token`]);
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toMatchObject({ token_type: "Bearer" });
  });

  test.each([
    ["a wrong secret", `client_id=${CREDENTIALS.clientId}&client_secret=wrong&grant_type=client_credentials`, 401, "invalid_client"],
    ["no credentials", "grant_type=client_credentials", 401, "invalid_client"],
    ["another grant type", `client_id=${CREDENTIALS.clientId}&client_secret=${CREDENTIALS.clientSecret}&grant_type=password`, 400, "unsupported_grant_type"],
  ])("%s: the token endpoint's OAuth error", async (_, body, status, error) => {
    const answer = await call(baseUrl, "/api/oauth/token", { method: "POST", headers: { "content-type": form }, body });
    expect(answer.status).toBe(status);
    expect(answer.type).toBe("application/json");
    expect(answer.body).toMatchObject({ error });
  });

  test("a revoked token is refused", async () => {
    const token = await fetchToken(baseUrl);
    const revoked = await call(baseUrl, "/api/oauth/revoke", { method: "POST", headers: { "content-type": form }, body: `token=${token}&client_id=${CREDENTIALS.clientId}&client_secret=${CREDENTIALS.clientSecret}` });
    expect(revoked.status).toBe(200);
    expectUnauthorized(await call(baseUrl, SETTINGS, { headers: { ...versioned, authorization: `Bearer ${token}` } }));
  });

  test("the client fetches its token from the mock and close() revokes it", async () => {
    const sent: string[] = [];
    const recording: typeof fetch = (input, init) => {
      const request = new Request(input, init);
      sent.push(`${request.method} ${new URL(request.url).pathname} ${request.headers.get("authorization")?.split(" ")[0]}`);
      if (request.url.endsWith(SETTINGS)) tokenUsed = request.headers.get("authorization") ?? "";
      return fetch(request);
    };
    let tokenUsed = "";
    const client = createAtlasClient({ baseUrl, auth: { clientId: CREDENTIALS.clientId, clientSecret: CREDENTIALS.clientSecret }, fetch: recording });
    const { response } = await client.GET("/api/atlas/v2/orgs/{orgId}/settings", { params: { path: { orgId: ORG_ID } } });
    expect(response.status).toBe(200);
    expect((await call(baseUrl, SETTINGS, { headers: { ...versioned, authorization: tokenUsed } })).status).toBe(200);
    await client.close();
    expect(sent).toEqual(["POST /api/oauth/token Basic", `GET ${SETTINGS} Bearer`, "POST /api/oauth/revoke Basic"]);
    expectUnauthorized(await call(baseUrl, SETTINGS, { headers: { ...versioned, authorization: tokenUsed } }));
  });

  test("the client with a wrong secret gets an authentication error, not data", async () => {
    const client = createAtlasClient({ baseUrl, auth: { clientId: CREDENTIALS.clientId, clientSecret: "wrong" } });
    await expect(client.GET("/api/atlas/v2/orgs/{orgId}/settings", { params: { path: { orgId: ORG_ID } } })).rejects.toMatchObject({ name: "AtlasAuthError", status: 401 });
    await client.close();
  });
});

describe("API keys (HTTP digest)", () => {
  test("curl --digest with the test key pair gets 200", () => {
    const answer = curl(["--digest", "--user", `${CREDENTIALS.publicKey}:${CREDENTIALS.privateKey}`, "--header", `Accept: ${V2023}`, `${baseUrl}${SETTINGS}?pretty=true`]);
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toHaveProperty("securityContact");
  });

  test("curl --digest with a wrong private key gets 401", () => {
    expect(curl(["--digest", "--user", `${CREDENTIALS.publicKey}:wrong`, "--header", `Accept: ${V2023}`, `${baseUrl}${SETTINGS}`]).status).toBe(401);
  });

  test("the client answers the challenge", async () => {
    const statuses: number[] = [];
    const recording: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      statuses.push(response.status);
      return response;
    };
    const client = createAtlasClient({ baseUrl, auth: { publicKey: CREDENTIALS.publicKey, privateKey: CREDENTIALS.privateKey }, fetch: recording });
    for (let i = 0; i < 2; i++) {
      const { data } = await client.GET("/api/atlas/v2/orgs/{orgId}/settings", { params: { path: { orgId: ORG_ID } } });
      expect(data).toHaveProperty("securityContact");
    }
    expect(statuses, "challenge, answer, then the nonce reused").toEqual([401, 200, 200]);
    await client.close();
  });
});

describe("expiry (a layer with one-second tokens and nonces)", () => {
  let shortLived: string;
  beforeAll(async () => {
    shortLived = await ownLayer({ tokenTtlMs: 1000, nonceTtlMs: 1000 });
  });

  test("an expired token is refused", async () => {
    const token = await fetchToken(shortLived);
    expect((await call(shortLived, SETTINGS, { headers: { ...versioned, authorization: `Bearer ${token}` } })).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expectUnauthorized(await call(shortLived, SETTINGS, { headers: { ...versioned, authorization: `Bearer ${token}` } }));
  });

  test("a correct digest on an expired nonce gets stale=true, and the client goes on with the new nonce", async () => {
    const statuses: string[] = [];
    const recording: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      statuses.push(`${response.status}${/stale=true/.test(response.headers.get("www-authenticate") ?? "") ? " stale" : ""}`);
      return response;
    };
    const client = createAtlasClient({ baseUrl: shortLived, auth: { publicKey: CREDENTIALS.publicKey, privateKey: CREDENTIALS.privateKey }, fetch: recording });
    const get = () => client.GET("/api/atlas/v2/orgs/{orgId}/settings", { params: { path: { orgId: ORG_ID } } });
    expect((await get()).response.status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect((await get()).response.status).toBe(200);
    expect(statuses).toEqual(["401", "200", "401 stale", "200"]);
    await client.close();
  });
});
