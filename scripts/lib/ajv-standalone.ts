/**
 * ajv standalone code for many validators of one ajv instance, in time linear in their number.
 *
 * ajv's own `standaloneCode(ajv, refs)` (ajv/dist/standalone) appends each export to one growing code
 * object, re-copying everything emitted so far every time: quadratic, and at 6,000 operations (5,000
 * response schemas) that copying alone took longer than compiling the schemas. This is the same
 * algorithm (each validator's scope values, then its function, every shared function or value emitted
 * once, in the same order) with the pieces collected in an array and joined once. It writes no
 * `export` lines: the caller names the validators by the identifiers returned.
 */
import { createRequire } from "node:module";
import type { Ajv2020 } from "ajv/dist/2020.js";

const require = createRequire(import.meta.url);
// ajv's code generator (CommonJS); the same classes ajv's standalone module uses.
const { _, _Code, nil } = require("ajv/dist/compile/codegen/code") as CodegenCode;
const { UsedValueState } = require("ajv/dist/compile/codegen/scope") as { UsedValueState: { Started: number; Completed: number } };

interface CodeValue {
  toString(): string;
}
interface CodegenCode {
  _: (strings: TemplateStringsArray, ...args: unknown[]) => CodeValue;
  _Code: new (code: string) => CodeValue;
  nil: CodeValue;
}
interface ScopeName {
  prefix: string;
  value?: { ref?: unknown };
  toString(): string;
}
interface SourceCode {
  validateName: ScopeName;
  validateCode: string;
  scopeValues: unknown;
  evaluated?: unknown;
}
type UsedValues = Record<string, Map<ScopeName, number>>;
interface Scope {
  opts: { _n: string };
  scopeCode(values: unknown, used: UsedValues, getCode: (name: ScopeName) => CodeValue | undefined): CodeValue;
}

export interface StandaloneModule {
  /** JavaScript statements defining every validator and what it uses. */
  code: string;
  /** For each requested key, the identifier of its validator function in `code`. */
  names: Map<string, string>;
}

/** Compiles each of `refs` (ajv schema keys, e.g. "resource.json#/components/schemas/X") and emits them all; needs `code.source`. */
export function standaloneValidators(ajv: Ajv2020, refs: Iterable<string>): StandaloneModule {
  if (!ajv.opts.code.source) throw new Error("standaloneValidators: the ajv instance needs the code.source option");
  const scope = (ajv as unknown as { scope: Scope }).scope;
  const newline = scope.opts._n;
  const used: UsedValues = {};
  const usedState = (name: ScopeName) => used[name.prefix]?.get(name);
  const setUsedState = (name: ScopeName, state: number) => (used[name.prefix] ??= new Map()).set(name, state);

  /** One validator with its scope values (nested validators first, as ajv orders them); nil when already emitted. */
  function validateCode(source: SourceCode | undefined): CodeValue {
    if (!source) throw new Error("standaloneValidators: a validator has no source (ajv code.source option)");
    if (usedState(source.validateName) === UsedValueState.Completed) return nil;
    setUsedState(source.validateName, UsedValueState.Started);
    const scopeCode = scope.scopeCode(source.scopeValues, used, refValidateCode);
    const code = new _Code(`${scopeCode}${newline}${source.validateCode}`);
    return source.evaluated ? _`${code}${source.validateName}.evaluated = ${source.evaluated};${newline}` : code;
  }

  function refValidateCode(name: ScopeName): CodeValue | undefined {
    const ref = name.value?.ref;
    // A compiled validator function (with its source), or the { validate, validateName } of a schema root.
    if (name.prefix === "validate" && typeof ref === "function") return validateCode((ref as { source?: SourceCode }).source);
    if ((name.prefix === "root" || name.prefix === "wrapper") && typeof ref === "object" && ref !== null) {
      const { validate, validateName } = ref as { validate?: { source?: SourceCode }; validateName?: ScopeName };
      if (!validateName) throw new Error("standaloneValidators: ajv internal error (a root reference without a name)");
      const wrapper = _`const ${name} = {validate: ${validateName}};`;
      if (usedState(validateName) === UsedValueState.Started) return wrapper;
      return _`${wrapper}${newline}${validateCode(validate?.source)}`;
    }
    return undefined;
  }

  const pieces: string[] = [];
  const names = new Map<string, string>();
  for (const ref of refs) {
    const validate = ajv.getSchema(ref) as unknown as { source?: SourceCode } | undefined;
    if (!validate) throw new Error(`standaloneValidators: no schema ${ref}`);
    pieces.push(validateCode(validate.source).toString());
    names.set(ref, validate.source!.validateName.toString());
  }
  return { code: pieces.join(newline), names };
}
