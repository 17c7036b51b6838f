import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { computeDigestResponse, digestAuthorization, findDigestChallenge, formatNc, parseChallenges } from "../../src/digest/rfc7616.js";
import { AtlasAuthError, createAtlasClient } from "../../src/index.js";
import { DigestServer } from "./helpers/digest-server.js";
import { createdProject, ORG_ID, orgSettings, sendJson, startMockAtlas, type MockAtlas } from "./helpers/mock-atlas.js";

describe("RFC 7616 computation (section 3.9.1 worked example)", () => {
  // The example's challenge, verbatim apart from line folding.
  const challengeHeader =
    'Digest realm="http-auth@example.org", qop="auth, auth-int", algorithm=SHA-256, ' +
    'nonce="7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v", opaque="FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS"';
  const example = {
    username: "Mufasa",
    password: "Circle of Life",
    method: "GET",
    uri: "/dir/index.html",
    nc: 1,
    cnonce: "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ",
  };
  const sha256 = findDigestChallenge(challengeHeader)!;

  it("parses the challenge, choosing qop=auth", () => {
    expect(sha256).toEqual({
      realm: "http-auth@example.org",
      nonce: "7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v",
      opaque: "FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS",
      algorithm: "SHA-256",
      qop: "auth",
      stale: false,
      userhash: false,
    });
  });

  it("computes the SHA-256 response of the example", () => {
    expect(computeDigestResponse({ ...example, challenge: sha256 })).toBe("753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1");
  });

  it("computes the MD5 response of the example", () => {
    expect(computeDigestResponse({ ...example, challenge: { ...sha256, algorithm: "MD5" } })).toBe("8ca523f5e9506fed4657c9700eebdbec");
  });

  it("formats the example's Authorization header", () => {
    const header = digestAuthorization({ ...example, challenge: sha256 });
    const [parsed] = parseChallenges(header);
    expect(parsed).toEqual({
      scheme: "Digest",
      params: {
        username: "Mufasa",
        realm: "http-auth@example.org",
        uri: "/dir/index.html",
        algorithm: "SHA-256",
        nonce: "7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v",
        nc: "00000001",
        cnonce: "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ",
        qop: "auth",
        response: "753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1",
        opaque: "FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS",
      },
    });
  });

  it("writes nc as eight lowercase hex digits", () => {
    expect([1, 10, 255, 0x1234abcd].map(formatNc)).toEqual(["00000001", "0000000a", "000000ff", "1234abcd"]);
  });

  it("finds the Digest challenge among several, with escaped quotes and stale=true", () => {
    const header = 'Basic realm="x", Digest realm="MMS \\"Public\\" API", nonce="a,b", algorithm=MD5-sess, qop="auth", stale=TRUE';
    expect(findDigestChallenge(header)).toMatchObject({ realm: 'MMS "Public" API', nonce: "a,b", algorithm: "MD5-sess", stale: true });
  });

  it("refuses challenges it cannot answer correctly", () => {
    expect(() => findDigestChallenge('Digest realm="r", nonce="n", qop="auth-int"')).toThrow(AtlasAuthError);
    expect(() => findDigestChallenge('Digest realm="r", nonce="n", qop="auth", algorithm=SHA-1')).toThrow(/unsupported algorithm SHA-1/);
    expect(findDigestChallenge('Bearer realm="r"')).toBeUndefined();
  });
});

describe("API keys against a digest server", () => {
  const PUBLIC_KEY = "abcdefgh";
  const PRIVATE_KEY = "8d7c6b5a-1234-4f00-9abc-0123456789ab";
  let atlas: MockAtlas;
  let digest: DigestServer;

  async function start(usesPerNonce = Infinity) {
    digest = new DigestServer(PUBLIC_KEY, PRIVATE_KEY, usesPerNonce);
    atlas = await startMockAtlas((req, res) => {
      if (!digest.authorize(req, res)) return;
      if (req.method === "POST") sendJson(res, 200, { ...createdProject, name: JSON.parse(req.body).name });
      else sendJson(res, 200, orgSettings);
    });
  }
  beforeEach(() => start());
  afterEach(() => atlas.close());

  const client = (privateKey = PRIVATE_KEY) => createAtlasClient({ baseUrl: atlas.baseUrl, auth: { publicKey: PUBLIC_KEY, privateKey } });
  const getSettings = (c: ReturnType<typeof client>) => c.GET("/api/atlas/v2/orgs/{orgId}/settings", { params: { path: { orgId: ORG_ID } } });

  it("answers the challenge, then reuses the nonce with increasing nc", async () => {
    const c = client();
    for (let i = 0; i < 3; i++) expect((await getSettings(c)).data).toEqual(orgSettings);
    expect(digest.challenges).toBe(1);
    expect(atlas.requests).toHaveLength(4); // one challenge round trip, then one request per call
    expect(digest.accepted.map((a) => [a.nonce, a.nc])).toEqual([
      [digest.nonces[0], "00000001"],
      [digest.nonces[0], "00000002"],
      [digest.nonces[0], "00000003"],
    ]);
    expect(new Set(digest.accepted.map((a) => a.cnonce)).size).toBe(3);
  });

  it("replays a POST body for the challenge round trip", async () => {
    const c = client();
    const { data } = await c.POST("/api/atlas/v2/groups", { body: { name: "replayed", orgId: ORG_ID } });
    expect(data?.name).toBe("replayed");
    expect(atlas.requests.map((r) => [r.headers.authorization?.slice(0, 6), JSON.parse(r.body)])).toEqual([
      [undefined, { name: "replayed", orgId: ORG_ID }],
      ["Digest", { name: "replayed", orgId: ORG_ID }],
    ]);
  });

  it("re-authenticates with the new nonce when the server says stale=true", async () => {
    await atlas.close();
    await start(2);
    const c = client();
    for (let i = 0; i < 4; i++) expect((await getSettings(c)).error).toBeUndefined();
    expect(digest.accepted.map((a) => [a.nonce, a.nc])).toEqual([
      [digest.nonces[0], "00000001"],
      [digest.nonces[0], "00000002"],
      [digest.nonces[1], "00000001"],
      [digest.nonces[1], "00000002"],
    ]);
    expect(digest.challenges).toBe(2);
  });

  it("concurrent first calls share one challenge and never share an nc", async () => {
    const c = client();
    const results = await Promise.all(Array.from({ length: 10 }, () => getSettings(c)));
    expect(results.every((r) => r.data !== undefined)).toBe(true);
    expect(digest.challenges).toBe(1);
    expect(new Set(digest.accepted.map((a) => a.nc)).size).toBe(10);
  });

  it("a wrong private key comes back as the 401 error, without looping", async () => {
    const { error, response } = await getSettings(client("wrong-private-key"));
    expect(response.status).toBe(401);
    expect(error).toMatchObject({ error: 401, errorCode: "NOT_AUTHORIZED" });
    expect(atlas.requests).toHaveLength(2);
  });

  it("sends the request-target it signs, query string included", async () => {
    const c = client();
    const { error } = await c.GET("/api/atlas/v2/orgs/{orgId}/settings", { params: { path: { orgId: ORG_ID }, query: { pretty: true } } });
    expect(error).toBeUndefined();
    expect(atlas.requests.at(-1)?.url).toBe(`/api/atlas/v2/orgs/${ORG_ID}/settings?pretty=true`);
  });
});
