// Spectral on a worker thread of the build's process (see spectral.ts): loads the project ruleset
// as soon as the build starts, while the main thread runs Redocly, then lints the bundles it is sent.
// Plain JavaScript so the worker needs no TypeScript loader.
//
// Messages in:  { type: "lint", id, yaml, file, json? } | { type: "reload" } (the ruleset changed);
//               json, when sent, is the document `yaml` serialises, linted without parsing the YAML.
// Messages out: { type: "done", id, result: [{ code, message, severity, source, line }] } | { type: "failed", id, message }
import { parentPort, workerData } from "node:worker_threads";
import { lintWithSpectral, loadSpectralRuleset } from "./spectral-ruleset.js";

const { rulesetFile } = workerData;
let ruleset = loadSpectralRuleset(rulesetFile);
// Reported by the lint that awaits it.
ruleset.catch(() => undefined);

async function lint(yaml, file, json) {
  return lintWithSpectral(await ruleset, yaml, file, json === undefined ? undefined : JSON.parse(json));
}

parentPort.on("message", (message) => {
  if (message.type === "reload") {
    ruleset = loadSpectralRuleset(rulesetFile);
    ruleset.catch(() => undefined);
    return;
  }
  lint(message.yaml, message.file, message.json).then(
    (result) => parentPort.postMessage({ type: "done", id: message.id, result }),
    (error) => parentPort.postMessage({ type: "failed", id: message.id, message: error instanceof Error ? error.message : String(error) }),
  );
});
