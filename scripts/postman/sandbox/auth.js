// Collection pre-request script (copied into the collection by scripts/postman/collection.ts).
// authMode "serviceAccount": an OAuth 2.0 client-credentials token from {{baseUrl}}/api/oauth/token, sent
// by the collection's bearer auth ({{accessToken}}), cached until a minute before its expires_in runs out.
// authMode "apiKey": this request uses Postman's digest auth, {{publicKey}} / {{privateKey}}.
const base64 = require("btoa");
const mode = pm.variables.get("authMode");
const REFRESH_BEFORE_EXPIRY_MS = 60000;
if (mode === "apiKey") {
  pm.request.authorizeUsing("digest", { username: pm.variables.get("publicKey"), password: pm.variables.get("privateKey") });
} else if (mode === "serviceAccount") {
  const baseUrl = pm.variables.get("baseUrl");
  const clientId = pm.variables.get("clientId");
  // A token is reused only for the server and client it was issued for.
  const issuedFor = `${baseUrl} ${clientId}`;
  const cachedUntil = Number(pm.collectionVariables.get("accessTokenExpiresAt") || 0);
  const fresh = pm.collectionVariables.get("accessTokenIssuedFor") === issuedFor && Date.now() < cachedUntil - REFRESH_BEFORE_EXPIRY_MS;
  if (!fresh) {
    pm.collectionVariables.set("accessToken", "");
    pm.sendRequest(
      {
        url: `${baseUrl}/api/oauth/token`,
        method: "POST",
        header: { Authorization: `Basic ${base64(`${clientId}:${pm.variables.get("clientSecret")}`)}`, Accept: "application/json" },
        body: { mode: "urlencoded", urlencoded: [{ key: "grant_type", value: "client_credentials" }] },
      },
      (error, response) => {
        if (error) return console.error(`token request to ${baseUrl}/api/oauth/token failed: ${error.message}`);
        let body = {};
        try { body = response.json(); } catch { /* not JSON: reported below as without access_token */ }
        // Only the OAuth error code, never the body: nothing that may echo a credential reaches the console.
        if (response.code !== 200 || typeof body.access_token !== "string") return console.error(`token request answered ${response.code} ${body.error || "without access_token"}`);
        pm.collectionVariables.set("accessToken", body.access_token);
        pm.collectionVariables.set("accessTokenIssuedFor", issuedFor);
        pm.collectionVariables.set("accessTokenExpiresAt", String(Date.now() + Number(body.expires_in) * 1000));
      },
    );
  }
} else {
  throw new Error(`authMode must be "serviceAccount" or "apiKey", not "${mode}"`);
}
