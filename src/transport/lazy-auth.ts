/**
 * Service-account and API-key authentication live in their own modules, loaded with a dynamic
 * `import()` only by clients configured for them: the package entry every user loads stays small
 * (oauth4webapi alone is bigger than openapi-fetch), and bundlers put that code in a separate chunk.
 * The import starts when the client is created; a request that comes before it finished waits for it.
 */
import { AtlasError } from "../errors.js";
import type { Send } from "./send.js";

/** An authentication layer, once its module is loaded. */
export interface Auth {
  send: Send;
  /** Releases what the layer holds (a service account's token); called by close(). */
  release?: () => Promise<void>;
}

export interface LazyAuth {
  send: Send;
  release(): Promise<void>;
}

export function lazyAuth(what: string, load: () => Promise<Auth>): LazyAuth {
  let loaded: Auth | undefined;
  let loading: Promise<Auth> | undefined;
  const start = () =>
    (loading ??= load().then(
      (auth) => (loaded = auth),
      (error: unknown) => {
        loading = undefined; // a later request tries again
        throw new AtlasError(`Could not load the ${what} module: ${error instanceof Error ? error.message : String(error)}`);
      },
    ));
  start().catch(() => undefined); // a failure surfaces at the first request
  return {
    send: (request, call) => (loaded ? loaded.send(request, call) : start().then((auth) => auth.send(request, call))),
    release: async () => {
      const auth = loaded ?? (await loading?.catch(() => undefined));
      await auth?.release?.();
    },
  };
}
