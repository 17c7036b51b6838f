/** A bearer token obtained elsewhere: sent as it is, never refreshed or revoked by this client. */
import { authorized, type Send } from "./send.js";

export function withBearerToken(next: Send, accessToken: string): Send {
  const value = `Bearer ${accessToken}`;
  return (request, call) => next(authorized(request, value), call);
}
