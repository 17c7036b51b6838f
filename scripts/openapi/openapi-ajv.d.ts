// Types for openapi-ajv.js (plain JavaScript, like the other modules of scripts/openapi/).
import type { Ajv2020, Options } from "ajv/dist/2020.js";

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/**
 * A strict ajv 2020 instance with formats, Unicode patterns and every error reported, whose vocabulary
 * admits the OpenAPI keywords and `x-` extensions found in `doc` and the document's top-level fields
 * (ajv compiles the root of a document it resolves a fragment in: `openapi`, `info`, `paths`, ... must
 * then be known keywords, annotations without effect). `extra` options are merged over the defaults.
 */
export function createOpenApiAjv(doc: Json | Record<string, unknown>, extra?: Options): Ajv2020;

/** An ajv key for a JSON pointer into a schema resource added as `key`: "#/a/b c" -> "key#/a/b%20c" (ajv reads it as a URI fragment). */
export function ajvRef(key: string, pointer: string): string;
