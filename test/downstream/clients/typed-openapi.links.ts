// Issue 15: links is read-only, so a request body must not accept it.
import type { Endpoints } from "./generated/typed-openapi/api";
import { NEW_PROJECT } from "./shared";

type CreateProjectBody = Endpoints.post_CreateProject["parameters"]["body"];
// @ts-expect-error links is read-only: refused in a request body
export const withLinks: CreateProjectBody = { ...NEW_PROJECT, links: [] };
