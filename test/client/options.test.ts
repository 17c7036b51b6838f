import { describe, expect, it } from "vitest";
import { AtlasConfigError, createAtlasClient, type AtlasClientOptions } from "../../src/index.js";
import { resolveOptions } from "../../src/options.js";

const SECRET = "sk-very-secret-value-42";

describe("options validation", () => {
  it.each<[string, unknown, string]>([
    ["baseUrl", { baseUrl: "cloud.mongodb.com" }, "must be an absolute URL"],
    ["baseUrl", { baseUrl: "ftp://cloud.mongodb.com" }, "must use https:"],
    ["baseUrl", { baseUrl: "https://user:pw@cloud.mongodb.com" }, "must not contain credentials"],
    ["baseUrl", { baseUrl: "https://cloud.mongodb.com?x=1" }, "must not contain a query string"],
    ["baseUrl", { baseUrl: "http://cloud.mongodb.com", auth: { accessToken: SECRET } }, "must use https: when auth is set"],
    ["baseUrl", { baseUrl: "http://atlas-mock:4010", auth: { accessToken: SECRET } }, "hosts named in insecureHttpHosts"],
    ["baseUrl", { baseUrl: "http://atlas-mock:4010", auth: { accessToken: SECRET }, insecureHttpHosts: ["other-mock"] }, "must use https: when auth is set"],
    ["insecureHttpHosts", { insecureHttpHosts: "atlas-mock" }, "must be an array of host names"],
    ["insecureHttpHosts", { insecureHttpHosts: ["http://atlas-mock"] }, "must be an array of host names"],
    ["baseUrl", { baseUrl: 42 }, "must be a string"],
    ["auth", { auth: {} }, "must be exactly one of"],
    ["auth", { auth: "token" }, "must be an object"],
    ["auth", { auth: { clientId: "id", privateKey: SECRET } }, "must be exactly one of"],
    ["auth.clientSecret", { auth: { clientId: "id" } }, "must be a non-empty string"],
    ["auth.clientSecret", { auth: { clientId: "id", clientSecret: "" } }, "must be a non-empty string"],
    ["auth.privateKey", { auth: { publicKey: "abcdefgh", privateKey: 42 } }, "must be a non-empty string"],
    ["auth.publicKey", { auth: { publicKey: 'ab"cd', privateKey: SECRET } }, "without quotes"],
    ["auth.accessToken", { auth: { accessToken: `${SECRET}\r\nX-Evil: 1` } }, "must not contain control characters"],
    ["auth.scope", { auth: { clientId: "id", clientSecret: SECRET, scope: "x" } }, "unknown option"],
    ["timeoutMs", { timeoutMs: 0 }, "must be at least 1"],
    ["timeoutMs", { timeoutMs: Infinity }, "must be a finite number"],
    ["timeoutMs", { timeoutMs: 2 ** 31 }, "must be at most"],
    ["timeout", { timeout: 100 }, "unknown option"],
    ["retry", { retry: 3 }, "must be an object"],
    ["userAgent", { userAgent: "app\r\nX: y" }, "printable ASCII"],
    ["userAgent", { userAgent: "" }, "non-empty"],
    ["fetch", { fetch: "fetch" }, "must be a function"],
  ])("%s: %j", (field, options, problem) => {
    let failure: unknown;
    try {
      createAtlasClient(options as AtlasClientOptions);
    } catch (error) {
      failure = error;
    }
    expect(failure).toBeInstanceOf(AtlasConfigError);
    expect(failure).toMatchObject({ name: "AtlasConfigError", field });
    expect((failure as Error).message).toContain(`Invalid option ${field}: `);
    expect((failure as Error).message).toContain(problem);
    expect((failure as Error).message).not.toContain(SECRET);
  });

  it("applies defaults and normalizes the base URL", () => {
    expect(resolveOptions({})).toMatchObject({
      baseUrl: "https://cloud.mongodb.com",
      auth: { kind: "none" },
      retry: { maxAttempts: 3, baseDelayMs: 250, maxDelayMs: 20_000 },
      timeoutMs: 30_000,
    });
    expect(resolveOptions({ baseUrl: "https://proxy.example.com/atlas/" }).baseUrl).toBe("https://proxy.example.com/atlas");
    expect(resolveOptions({ baseUrl: "http://localhost:8080", auth: { accessToken: "t0ken" } }).baseUrl).toBe("http://localhost:8080");
  });

  it("allows plain http: with auth only for loopback and the hosts named in insecureHttpHosts", () => {
    const auth = { accessToken: "t0ken" };
    expect(resolveOptions({ baseUrl: "http://atlas-mock:4010", auth, insecureHttpHosts: ["atlas-mock"] }).baseUrl).toBe("http://atlas-mock:4010");
    expect(resolveOptions({ baseUrl: "http://Atlas-Mock:4010", auth, insecureHttpHosts: ["ATLAS-MOCK"] }).baseUrl).toBe("http://atlas-mock:4010");
    expect(resolveOptions({ baseUrl: "https://cloud.mongodb.com", auth, insecureHttpHosts: ["atlas-mock"] }).baseUrl).toBe("https://cloud.mongodb.com");
  });

  it("recognizes each auth mode", () => {
    expect(resolveOptions({ auth: { clientId: "i", clientSecret: "s" } }).auth.kind).toBe("serviceAccount");
    expect(resolveOptions({ auth: { publicKey: "p", privateKey: "k" } }).auth.kind).toBe("apiKey");
    expect(resolveOptions({ auth: { accessToken: "t" } }).auth.kind).toBe("accessToken");
  });
});
