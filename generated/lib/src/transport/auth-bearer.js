/** A bearer token obtained elsewhere: sent as it is, never refreshed or revoked by this client. */
import { authorized } from "./send.js";
export function withBearerToken(next, accessToken) {
    const value = `Bearer ${accessToken}`;
    return (request, call) => next(authorized(request, value), call);
}
//# sourceMappingURL=auth-bearer.js.map