/**
 * The generators of the matrix: how each is run in the downstream workspace (exactly as a downstream
 * repository would run it, on node_modules/atlas-admin-openapi/generated/openapi.json or the 3.0 companion)
 * and which packages' versions the matrix reports. Their callers are test/downstream/clients/<id>.ts.
 */
import { copyFileSync, mkdirSync, symlinkSync } from "node:fs";
import { join } from "node:path";
import { packageDir, readVersion, runBin, type CommandResult, type Workspace } from "./workspace.js";

export interface Generation {
  /** What runs: one CLI invocation (orval makes its fetch client and both zod files in one run). */
  name: string;
  run(workspace: Workspace): Promise<CommandResult>;
}

export interface Generator {
  /** clients/<id>.ts is its caller; clients/generated/<id>/ its output. */
  id: string;
  label: string;
  /** The packages whose versions the matrix reports. */
  packages: string[];
  /** Which document it reads. */
  document: "3.1" | "3.0";
  /** What makes clients/generated/<id>/ (the output the recipe uses). */
  generation: Generation;
  /** When the recipe needs other generator options: what makes clients/generated/<id>-raw/ with the defaults. */
  rawGeneration?: Generation;
  /** What the generator's own output says about the document (warnings), pinned for docs/downstream.md. */
  expectedOutput?: RegExp;
}

const out = (id: string, file = ""): string => join("clients", "generated", id, file);

const orval: Generation = {
  name: "orval --config clients/orval.config.ts",
  run: (ws) => {
    // orval reads its config from the project root, as docs/downstream.md shows it.
    copyFileSync(join(ws.dir, "clients", "orval.config.ts"), join(ws.dir, "orval.config.ts"));
    return runBin(ws.dir, "orval", "orval", ["--config", "orval.config.ts"]);
  },
};

const kubb: Generation = {
  name: "kubb generate --config clients/kubb.config.ts",
  run: (ws) => {
    // Kubb reads its config from the project root, as docs/downstream.md shows it.
    copyFileSync(join(ws.dir, "clients", "kubb.config.ts"), join(ws.dir, "kubb.config.ts"));
    return runBin(ws.dir, "@kubb/cli", "kubb", ["generate", "--config", "kubb.config.ts"]);
  },
};

/**
 * openapi-zod-client's output imports zod 3 and @zodios/core (which needs zod 3), where a downstream
 * project has them at the top of node_modules; this workspace has zod 4 there (orval), so each of its
 * output folders gets a node_modules of its own with the copies npm nested under openapi-zod-client.
 */
function openapiZodClient(id: string, options: string[]): Generation {
  return {
    name: ["openapi-zod-client", ...options].join(" "),
    run: (ws) => {
      const modules = join(ws.dir, out(id), "node_modules");
      mkdirSync(join(modules, "@zodios"), { recursive: true });
      for (const name of ["zod", "@zodios/core"]) symlinkSync(join(packageDir("openapi-zod-client"), "node_modules", name), join(modules, name), "dir");
      return runBin(ws.dir, "openapi-zod-client", "openapi-zod-client", [ws.document31, "-o", out(id, "api.ts"), ...options]);
    },
  };
}

export const GENERATORS: Generator[] = [
  {
    id: "ours",
    label: "openapi-typescript + openapi-fetch",
    packages: ["openapi-typescript", "openapi-fetch"],
    document: "3.1",
    rawGeneration: { name: "openapi-typescript (defaults)", run: (ws) => runBin(ws.dir, "openapi-typescript", "openapi-typescript", [ws.document31, "-o", out("ours-raw", "atlas.ts")]) },
    // The options scripts/generate/generate.ts uses for this package's own types.
    generation: {
      name: "openapi-typescript --read-write-markers --default-non-nullable=false",
      run: (ws) => runBin(ws.dir, "openapi-typescript", "openapi-typescript", [ws.document31, "-o", out("ours", "atlas.ts"), "--read-write-markers", "--default-non-nullable=false"]),
    },
  },
  {
    id: "hey-api",
    label: "@hey-api/openapi-ts (client-fetch)",
    packages: ["@hey-api/openapi-ts"],
    document: "3.1",
    // It has no digest support: DigestAuth is reported, and its SDK only sends bearer tokens.
    expectedOutput: /SDK warning: unsupported security scheme/,
    generation: { name: "openapi-ts", run: (ws) => runBin(ws.dir, "@hey-api/openapi-ts", "openapi-ts", ["-i", ws.document31, "-o", out("hey-api"), "-c", "@hey-api/client-fetch"]) },
  },
  { id: "orval-fetch", label: "orval (fetch)", packages: ["orval"], document: "3.1", generation: orval },
  { id: "orval-zod", label: "orval (zod)", packages: ["orval", "zod"], document: "3.1", generation: orval },
  {
    id: "swagger-typescript-api",
    label: "swagger-typescript-api",
    packages: ["swagger-typescript-api"],
    document: "3.1",
    generation: { name: "swagger-typescript-api", run: (ws) => runBin(ws.dir, "swagger-typescript-api", "swagger-typescript-api", ["generate", "-p", ws.document31, "-o", out("swagger-typescript-api"), "-n", "api.ts"]) },
  },
  {
    id: "oazapfts",
    label: "oazapfts",
    packages: ["oazapfts", "@oazapfts/runtime"],
    document: "3.1",
    generation: { name: "oazapfts", run: (ws) => runBin(ws.dir, "oazapfts", "oazapfts", [ws.document31, out("oazapfts", "api.ts")]) },
  },
  {
    id: "typed-openapi",
    label: "typed-openapi (types, your own fetcher)",
    packages: ["typed-openapi"],
    document: "3.1",
    generation: { name: "typed-openapi", run: (ws) => runBin(ws.dir, "typed-openapi", "typed-openapi", [ws.document31, "-o", out("typed-openapi", "api.ts"), "-r", "none"]) },
  },
  {
    id: "openapi-zod-client",
    label: "openapi-zod-client (Zodios client, axios)",
    packages: ["openapi-zod-client", "axios"],
    document: "3.1",
    rawGeneration: openapiZodClient("openapi-zod-client-raw", []),
    // Schemas for the versioned media types (answers) as well as application/json (errors).
    generation: openapiZodClient("openapi-zod-client", ["--media-type-expr", 'mediaType === "application/json" || mediaType.startsWith("application/vnd.atlas.")']),
  },
  { id: "kubb", label: "Kubb (plugin-ts, plugin-client fetch)", packages: ["@kubb/cli", "@kubb/plugin-client"], document: "3.1", generation: kubb },
  {
    id: "openapi-typescript-codegen",
    label: "openapi-typescript-codegen (fetch), on the 3.0 companion",
    packages: ["openapi-typescript-codegen"],
    document: "3.0",
    rawGeneration: {
      name: "openapi-typescript-codegen (defaults)",
      run: (ws) => runBin(ws.dir, "openapi-typescript-codegen", "openapi", ["--input", ws.document30, "--output", out("openapi-typescript-codegen-raw"), "--client", "fetch"]),
    },
    generation: {
      name: "openapi-typescript-codegen --postfixModels Model --request ...",
      run: (ws) =>
        runBin(ws.dir, "openapi-typescript-codegen", "openapi", ["--input", ws.document30, "--output", out("openapi-typescript-codegen"), "--client", "fetch", "--postfixModels", "Model", "--request", "clients/templates/codegen-request.ts"]),
    },
  },
];

export function versionsOf(generator: Generator): string {
  return generator.packages.map((name) => `${name} ${readVersion(name)}`).join(", ");
}
