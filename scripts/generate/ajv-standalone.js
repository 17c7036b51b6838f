/**
 * ajv standalone code for many validators of one ajv instance, in time linear in their number.
 *
 * ajv's own `standaloneCode(ajv, refs)` (ajv/dist/standalone) appends each export to one growing code
 * object, re-copying everything emitted so far every time: quadratic, and at 6,000 operations (5,000
 * response schemas) that copying alone took longer than compiling the schemas. This is the same
 * algorithm (each validator's scope values, then its function, every shared function or value emitted
 * once, in the same order) with the pieces collected in an array and joined once. It writes no
 * `export` lines: the caller names the validators by the identifiers returned.
 *
 * Plain JavaScript (types in ajv-standalone.d.ts): it runs on the generator's worker thread.
 */
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
// ajv's code generator (CommonJS); the same classes ajv's standalone module uses.
const { _, _Code, nil } = require("ajv/dist/compile/codegen/code");
const { UsedValueState } = require("ajv/dist/compile/codegen/scope");

/** @type {import("./ajv-standalone.js").standaloneValidators} */
export function standaloneValidators(ajv, refs) {
  if (!ajv.opts.code.source) throw new Error("standaloneValidators: the ajv instance needs the code.source option");
  const scope = ajv.scope;
  const newline = scope.opts._n;
  /** @type {Record<string, Map<unknown, number>>} prefix -> name -> UsedValueState */
  const used = {};
  const usedState = (name) => used[name.prefix]?.get(name);
  const setUsedState = (name, state) => (used[name.prefix] ??= new Map()).set(name, state);

  /** One validator with its scope values (nested validators first, as ajv orders them); nil when already emitted. */
  function validateCode(source) {
    if (!source) throw new Error("standaloneValidators: a validator has no source (ajv code.source option)");
    if (usedState(source.validateName) === UsedValueState.Completed) return nil;
    setUsedState(source.validateName, UsedValueState.Started);
    const scopeCode = scope.scopeCode(source.scopeValues, used, refValidateCode);
    const code = new _Code(`${scopeCode}${newline}${source.validateCode}`);
    return source.evaluated ? _`${code}${source.validateName}.evaluated = ${source.evaluated};${newline}` : code;
  }

  function refValidateCode(name) {
    const ref = name.value?.ref;
    // A compiled validator function (with its source), or the { validate, validateName } of a schema root.
    if (name.prefix === "validate" && typeof ref === "function") return validateCode(ref.source);
    if ((name.prefix === "root" || name.prefix === "wrapper") && typeof ref === "object" && ref !== null) {
      const { validate, validateName } = ref;
      if (!validateName) throw new Error("standaloneValidators: ajv internal error (a root reference without a name)");
      const wrapper = _`const ${name} = {validate: ${validateName}};`;
      if (usedState(validateName) === UsedValueState.Started) return wrapper;
      return _`${wrapper}${newline}${validateCode(validate?.source)}`;
    }
    return undefined;
  }

  const pieces = [];
  const names = new Map();
  for (const ref of refs) {
    const validate = ajv.getSchema(ref);
    if (!validate) throw new Error(`standaloneValidators: no schema ${ref}`);
    pieces.push(validateCode(validate.source).toString());
    names.set(ref, validate.source.validateName.toString());
  }
  return { code: pieces.join(newline), names };
}
