/** What every caller sends: the same GET and the same createProject body, against the same mock. */
export interface CallContext {
  /** The mock (through the recording proxy). */
  baseUrl: string;
  /** Any non-empty bearer token satisfies the mock. */
  token: string;
}

export const ORG_ID = "4888442a3354817a7320eb61";
export const NEW_PROJECT = { name: "staging", orgId: ORG_ID };

/** What the caller got back from createProject, for the test to check against the document. */
export interface CallResult {
  project: unknown;
  /** For schema generators: the schemas the caller found and used. */
  schemas?: string[];
  /** For a raw caller: what went wrong besides the wire (e.g. the client refused the answer). */
  notes?: string[];
}
