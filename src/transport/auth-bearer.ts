/** A bearer token obtained elsewhere: sent as it is, never refreshed or revoked by this client. */
import { withHeader, type Send } from "./send.js";

export function withBearerToken(next: Send, accessToken: string): Send {
  return (request) => next(withHeader(request, "authorization", `Bearer ${accessToken}`));
}
