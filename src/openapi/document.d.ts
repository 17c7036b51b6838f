// Types for document.js (plain JavaScript: the Spectral ruleset imports it too).
type Json = any;

export const HTTP_METHODS: readonly ["get", "put", "post", "delete", "options", "head", "patch", "trace"];
export type HttpMethod = (typeof HTTP_METHODS)[number];
export const HTTP_METHODS_UPPERCASE: readonly Uppercase<HttpMethod>[];
export const VERSIONED_MEDIA_TYPE: RegExp;
export function isObject(value: unknown): value is Record<string, Json>;
export function decodeSegment(segment: string): string;
export function pointerOf(keys: readonly (string | number)[]): string;
export function pointerKeys(pointer: string): string[] | undefined;
export function valueAtPointer(doc: unknown, pointer: string): unknown;
export function followRefs(doc: unknown, node: unknown, at?: string): { value: Json; pointer: string | undefined } | undefined;
export function resolveObject(doc: unknown, node: unknown, where: string, at?: string): { value: Record<string, Json>; pointer: string };
export interface OperationEntry {
  path: string;
  method: HttpMethod;
  operation: Record<string, Json>;
  pathItem: Record<string, Json>;
  /** JSON pointer of the operation (through the path item's $ref, if any). */
  pointer: string;
}
export function forEachOperation(doc: unknown, visit: (entry: OperationEntry) => void): void;
export function operationParameters(doc: unknown, pathItem: Json, operation: Json, where: string): Record<string, Json>[];
export interface MediaTypes {
  accept: string;
  contentType?: string;
}
export function operationMediaTypes(id: string, method: string, path: string, op: Json): MediaTypes;
