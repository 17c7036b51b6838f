/**
 * Parses the rendered Atlas reference pages (test/fixtures/reference/*.txt, copies of
 * ../shared/reference) into operations, parameters, body fields, responses and examples,
 * so that the document can be compared with them fact by fact.
 */
import { readFileSync, readdirSync } from "node:fs";

export interface PageField {
  name: string;
  /** The page's type word: string, integer, boolean, object, array. */
  type: string;
  /** `string(email)` gives format "email"; `array[object]` gives items "object". */
  format?: string;
  items?: string;
  required: boolean;
  discriminator: boolean;
  /** Prose paragraphs, without the fact lines and link titles below. */
  paragraphs: string[];
  /** Titles of links shown under the field (externalDocs). */
  links: string[];
  pattern?: string;
  enum?: string[];
  default?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  children: PageField[];
}

export interface PageResponse {
  /** The status code; the page shows "OK" without a code for one 200. */
  code: string;
  mediaType?: string;
  paragraphs: string[];
  fields: PageField[];
}

export interface PageOperation {
  file: string;
  title: string;
  method: string;
  path: string;
  paragraphs: string[];
  links: string[];
  pathParams: PageField[];
  queryParams: PageField[];
  body?: { mediaType: string; required: boolean; paragraphs: string[]; fields: PageField[] };
  responses: PageResponse[];
  requestExamples: unknown[];
  responseExamples: Record<string, unknown[]>;
}

const OPERATION_LINE = /^(GET|POST|PUT|PATCH|DELETE) (\/api\/\S+)$/;
const FIELD_BULLET = /^• (\w+) (string|integer|boolean|number|object|array)(?:\(([\w-]+)\)|\[(\w+)\])?(?: (Required|Discriminator))?$/;
const RESPONSE_BULLET = /^• (\d{3}|OK)(?: (\S+))?$/;
const SECTION = /^(Path parameters|Query parameters|Responses|Body Required|Body|application\/\S+)$/;

interface Line {
  indent: number;
  text: string;
}

function toLines(raw: string): Line[] {
  return raw
    .split("\n")
    .filter((l) => l.trim() !== "")
    .map((l) => ({ indent: l.length - l.trimStart().length, text: l.trim() }));
}

/** Splits "a, b, or c" and "a or b" into their values. */
function splitValues(list: string): string[] {
  return list.split(/, or |, | or /).map((v) => v.trim());
}

/** Sorts one text line of a field into the fact it states, a link title, or prose. */
function absorb(field: Pick<PageField, "paragraphs" | "links" | "pattern" | "enum" | "default" | "minLength" | "maxLength" | "minimum" | "maximum">, text: string): void {
  let m: RegExpMatchArray | null;
  if ((m = text.match(/^Format should match the following pattern: (.*)\.$/))) field.pattern = m[1]!;
  else if ((m = text.match(/^Values? (?:are|is) (.*?)\.(?: Default value is (.*)\.)?$/))) {
    field.enum = splitValues(m[1]!);
    if (m[2] !== undefined) field.default = m[2];
  } else if ((m = text.match(/^Default value is (.*)\.$/))) field.default = m[1]!;
  else if ((m = text.match(/^One of ((?:"[^"]+"(?:, | or )?)+)\.$/))) {
    // An enum stated in prose; the sentence is also the field's description.
    field.enum = [...m[1]!.matchAll(/"([^"]+)"/g)].map((v) => v[1]!);
    field.paragraphs.push(text);
  }
  else if ((m = text.match(/^Minimum length is (\d+), maximum length is (\d+)\.$/))) {
    field.minLength = Number(m[1]);
    field.maxLength = Number(m[2]);
  } else if ((m = text.match(/^Minimum value is (\d+), maximum value is (\d+)\.$/))) {
    field.minimum = Number(m[1]);
    field.maximum = Number(m[2]);
  } else if (/^(Hide|Show) .*attributes?\b/.test(text) || text === "One of:") {
    // UI toggles of the rendered page.
  } else if (!/[.:!?)"]$/.test(text)) field.links.push(text);
  else field.paragraphs.push(text);
}

function newField(m: RegExpMatchArray): PageField {
  return {
    name: m[1]!,
    type: m[2]!,
    ...(m[3] ? { format: m[3] } : {}),
    ...(m[4] ? { items: m[4] } : {}),
    required: m[5] === "Required",
    discriminator: m[5] === "Discriminator",
    paragraphs: [],
    links: [],
    children: [],
  };
}

/** Builds the field tree of one section from indentation: a bullet nests under the nearest shallower one. */
function parseFields(lines: Line[]): PageField[] {
  const roots: PageField[] = [];
  const stack: { indent: number; field: PageField }[] = [];
  for (const line of lines) {
    const m = line.text.match(FIELD_BULLET);
    if (m) {
      while (stack.length && stack[stack.length - 1]!.indent >= line.indent) stack.pop();
      const field = newField(m);
      (stack.length ? stack[stack.length - 1]!.field.children : roots).push(field);
      stack.push({ indent: line.indent, field });
      continue;
    }
    while (stack.length && stack[stack.length - 1]!.indent >= line.indent) stack.pop();
    const owner = stack[stack.length - 1]?.field;
    if (!owner) throw new Error(`text outside any field: ${line.text}`);
    // A bullet inside a description (a list in prose) is prose.
    absorb(owner, line.text.replace(/^• /, "- "));
  }
  return roots;
}

function parseResponses(lines: Line[]): PageResponse[] {
  const responses: PageResponse[] = [];
  const baseIndent = lines[0]?.indent ?? 0;
  let current: { response: PageResponse; body: Line[] } | undefined;
  const flush = () => {
    if (!current) return;
    const firstField = current.body.findIndex((l) => FIELD_BULLET.test(l.text));
    const head = firstField < 0 ? current.body : current.body.slice(0, firstField);
    // A response's own lines are prose ("OK" has no full stop but is no link title).
    for (const l of head) if (!/^(Hide|Show) |^One of:$/.test(l.text)) current.response.paragraphs.push(l.text);
    if (firstField >= 0) current.response.fields = parseFields(current.body.slice(firstField));
    responses.push(current.response);
  };
  for (const line of lines) {
    const m = line.indent === baseIndent ? line.text.match(RESPONSE_BULLET) : null;
    if (m) {
      flush();
      current = { response: { code: m[1] === "OK" ? "200" : m[1]!, ...(m[2] ? { mediaType: m[2] } : {}), paragraphs: [], fields: [] }, body: [] };
    } else current?.body.push(line);
  }
  flush();
  return responses;
}

/** Reads the concatenated JSON values of one example block ("{...}\n{...}"). */
function parseJsonValues(lines: string[]): unknown[] {
  const values: unknown[] = [];
  let buf: string[] = [];
  for (const l of lines) {
    buf.push(l);
    if (l === "}" || l === "]") {
      values.push(JSON.parse(buf.join("\n")));
      buf = [];
    }
  }
  if (buf.length) throw new Error(`unterminated example: ${buf.join(" ")}`);
  return values;
}

function parseOperation(file: string, title: string, method: string, path: string, block: string[]): PageOperation {
  const op: PageOperation = { file, title, method, path, paragraphs: [], links: [], pathParams: [], queryParams: [], responses: [], requestExamples: [], responseExamples: {} };
  const curl = block.findIndex((l, i) => OPERATION_LINE.test(l) && block[i + 1]?.startsWith("curl"));
  const reference = toLines(block.slice(0, curl < 0 ? block.length : curl).join("\n"));
  const examples = curl < 0 ? [] : block.slice(curl);

  let section = "intro";
  let bodyMediaType: string | undefined;
  const sections: Record<string, Line[]> = {};
  for (const line of reference) {
    if (line.indent === 0 && SECTION.test(line.text)) {
      if (line.text.startsWith("application/")) bodyMediaType = line.text;
      else section = line.text;
      if (line.text.startsWith("Body")) sections.Body = [{ indent: 0, text: line.text }];
      continue;
    }
    (sections[section.startsWith("Body") ? "Body" : section] ??= []).push(line);
  }
  for (const l of sections.intro ?? []) absorb(op, l.text);
  op.pathParams = parseFields(sections["Path parameters"] ?? []);
  op.queryParams = parseFields(sections["Query parameters"] ?? []);
  if (sections.Body) {
    const [head, ...rest] = sections.Body;
    const firstField = rest.findIndex((l) => FIELD_BULLET.test(l.text));
    const paragraphs: string[] = [];
    for (const l of rest.slice(0, firstField)) absorb({ paragraphs, links: [] }, l.text);
    op.body = { mediaType: bodyMediaType ?? "", required: head!.text === "Body Required", paragraphs, fields: parseFields(rest.slice(firstField)) };
  }
  op.responses = parseResponses(sections.Responses ?? []);

  let target: unknown[] | undefined;
  let buf: string[] = [];
  const flushExamples = () => {
    if (target) target.push(...parseJsonValues(buf));
    buf = [];
  };
  for (const l of examples.slice(1)) {
    const m = l.match(/^Response examples \((\d{3})\)$/);
    if (l === "Request examples" || m) {
      flushExamples();
      target = m ? (op.responseExamples[m[1]!] ??= []) : op.requestExamples;
    } else if (target && l.trim() !== "") buf.push(l);
  }
  flushExamples();
  return op;
}

/** The folder of the reference pages (copies of ../shared/reference). */
export const REFERENCE_PAGES = new URL("../fixtures/reference/", import.meta.url);

/**
 * "METHOD /path" of every operation the pages in `dir` show, sorted, read from their operation lines
 * alone (not through the parser): what a test counts instead of a hand-kept number of operations.
 */
export function pageOperationKeys(dir: URL = REFERENCE_PAGES): string[] {
  const keys = readdirSync(dir)
    .filter((f) => f.endsWith(".txt"))
    .flatMap((file) => readFileSync(new URL(file, dir), "utf8").split("\n").map((line) => OPERATION_LINE.exec(line)))
    .flatMap((m) => (m ? [`${m[1]} ${m[2]}`] : []));
  return [...new Set(keys)].sort();
}

/** Every operation on every page in `dir`. */
export function readReferencePages(dir: URL): PageOperation[] {
  const ops: PageOperation[] = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith(".txt")).sort()) {
    const raw = readFileSync(new URL(file, dir), "utf8").split("\n");
    const starts: number[] = [];
    raw.forEach((l, i) => {
      if (!OPERATION_LINE.test(l)) return;
      const next = raw.slice(i + 1).find((x) => x.trim() !== "");
      if (!next?.startsWith("curl")) starts.push(i);
    });
    starts.forEach((start, k) => {
      const titleIndex = raw.slice(0, start).findLastIndex((l) => l.trim() !== "");
      const end = k + 1 < starts.length ? raw.slice(0, starts[k + 1]).findLastIndex((l) => l.trim() !== "") : raw.length;
      const [, method, path] = raw[start]!.match(OPERATION_LINE)!;
      ops.push(parseOperation(file, raw[titleIndex]!.trim(), method!, path!, raw.slice(start + 1, end)));
    });
  }
  return ops;
}
