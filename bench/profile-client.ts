/**
 * A loop of GETs for CPU profiles of the client (issue 12: profile before optimising):
 *
 *   node --cpu-prof --cpu-prof-dir=/tmp/prof --import tsx bench/profile-client.ts atlas 6000 1
 *   node --cpu-prof --cpu-prof-dir=/tmp/prof --import tsx bench/profile-client.ts openapi-fetch 6000 10
 *
 * Arguments: caller (atlas | openapi-fetch), number of calls, concurrency. Prints µs per call; the
 * numbers to compare are in `npm run bench -- --only client`, which runs the callers side by side.
 */
import createClient from "openapi-fetch";
import type { paths } from "../generated/atlas.js";
import { createAtlasClient } from "../src/index.js";
import { startBenchServer } from "./lib/server.js";

const PATH = "/api/atlas/v2/orgs/{orgId}/settings";
const MEDIA_TYPE = "application/vnd.atlas.2023-01-01+json";
const TOKEN = "bench-access-token";
const params = { path: { orgId: "32b6e34b3d91647abb20e7b8" } };
const body = { apiAccessListRequired: false, multiFactorAuthRequired: true, restrictEmployeeAccess: false, genAIFeaturesEnabled: true };

const [caller = "atlas", calls = "5000", concurrency = "1"] = process.argv.slice(2);
const server = await startBenchServer({ token: TOKEN, mediaType: MEDIA_TYPE, body });

let call: () => Promise<unknown>;
if (caller === "atlas") {
  const atlas = createAtlasClient({ baseUrl: server.baseUrl, auth: { accessToken: TOKEN } });
  call = () => atlas.GET(PATH, { params });
} else if (caller === "openapi-fetch") {
  const bare = createClient<paths>({ baseUrl: server.baseUrl });
  call = () => bare.GET(PATH, { params, headers: { Accept: MEDIA_TYPE, Authorization: `Bearer ${TOKEN}` } });
} else {
  throw new Error(`unknown caller ${caller} (expected atlas or openapi-fetch)`);
}

const total = Number(calls);
let started = 0;
const worker = async () => {
  while (started++ < total) {
    const { data } = (await call()) as { data?: unknown };
    if (data === undefined) throw new Error(`${caller}: no data`);
  }
};
const t0 = performance.now();
await Promise.all(Array.from({ length: Number(concurrency) }, worker));
console.log(`${caller}, ${concurrency} concurrent: ${(((performance.now() - t0) * 1000) / total).toFixed(0)} µs per call`);
await server.close();
