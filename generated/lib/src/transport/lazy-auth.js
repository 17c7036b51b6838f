/**
 * Service-account and API-key authentication live in their own modules, loaded with a dynamic
 * `import()` only by clients configured for them: the package entry every user loads stays small
 * (oauth4webapi alone is bigger than openapi-fetch), and bundlers put that code in a separate chunk.
 * The import starts when the client is created; a request that comes before it finished waits for it.
 */
import { AtlasError } from "../errors.js";
export function lazyAuth(what, load) {
    let loaded;
    let loading;
    const start = () => (loading ??= load().then((auth) => (loaded = auth), (error) => {
        loading = undefined; // a later request tries again
        throw new AtlasError(`Could not load the ${what} module: ${error instanceof Error ? error.message : String(error)}`);
    }));
    start().catch(() => undefined); // a failure surfaces at the first request
    return {
        send: (request, call) => (loaded ? loaded.send(request, call) : start().then((auth) => auth.send(request, call))),
        release: async () => {
            const auth = loaded ?? (await loading?.catch(() => undefined));
            await auth?.release?.();
        },
    };
}
//# sourceMappingURL=lazy-auth.js.map