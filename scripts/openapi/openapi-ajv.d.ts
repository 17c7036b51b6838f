// Types for openapi-ajv.js (plain JavaScript, like the other modules of scripts/openapi/).
import type { Ajv2020, Options } from "ajv/dist/2020.js";
import type { Json } from "./schema-views.js";

/**
 * A strict ajv 2020 instance (formats, Unicode patterns, every error) whose vocabulary admits the OpenAPI keywords,
 * the `x-` extensions found in `doc` and its top-level fields (ajv compiles the root of a resource it resolves a
 * fragment in). `extra` options are merged over the defaults.
 */
export function createOpenApiAjv(doc: Json | Record<string, unknown>, extra?: Options): Ajv2020;

/** An ajv key for a JSON pointer into a schema resource added as `key`: "#/a/b c" -> "key#/a/b%20c" (a URI fragment). */
export function ajvRef(key: string, pointer: string): string;
