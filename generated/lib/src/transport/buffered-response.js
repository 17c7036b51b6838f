/**
 * The Response the exchange hands up: the original one, its body already read into memory (so the
 * timeout covers the last body byte and retries see a complete answer), served back from that memory.
 *
 * It replaces re-buffering into `new Response(bytes)`: reading a body back through a new Response's
 * stream cost about 100 µs per call, most of the client's overhead in the profile (bench/RESULTS.md).
 * It is a real Response (`instanceof Response`, status and headers from the platform's) whose body
 * methods read the buffered bytes, once, like any Response; clone() gives another readable copy.
 */
const decoder = new TextDecoder();
const EMPTY = new Uint8Array(0);
/** Statuses whose Response must have a null body. */
const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304]);
export class BufferedResponse extends Response {
    #original;
    #bytes;
    #used = false;
    #stream;
    constructor(original, bytes) {
        super(null, { status: original.status, statusText: original.statusText });
        this.#original = original;
        this.#bytes = bytes;
    }
    /** Reads the body of `response` into memory and returns it buffered. */
    static async from(response) {
        const bytes = NULL_BODY_STATUSES.has(response.status) ? EMPTY : new Uint8Array(await response.arrayBuffer());
        return new BufferedResponse(response, bytes);
    }
    /** The bytes, for a body read; throws like a Response whose body was read already. */
    #consume() {
        if (this.bodyUsed)
            throw new TypeError("Body is unusable: Body has already been read");
        this.#used = true;
        return this.#bytes;
    }
    async text() {
        return decoder.decode(this.#consume());
    }
    async json() {
        return JSON.parse(await this.text());
    }
    async arrayBuffer() {
        return this.#consume().slice().buffer;
    }
    async bytes() {
        return this.#consume().slice();
    }
    // Rarely used: read through a platform Response over a copy, which knows how.
    blob() {
        return this.#platformCopy().blob();
    }
    formData() {
        return this.#platformCopy().formData();
    }
    #platformCopy() {
        return new Response(this.#consume().slice(), { headers: this.headers });
    }
    clone() {
        if (this.bodyUsed)
            throw new TypeError("Response.clone: Body has already been consumed.");
        return new BufferedResponse(this.#original, this.#bytes);
    }
    static {
        // Accessors of the platform's Response that must describe the original response.
        const original = (self) => self.#original;
        Object.defineProperties(BufferedResponse.prototype, {
            headers: { get() { return original(this).headers; } },
            url: { get() { return original(this).url; } },
            redirected: { get() { return original(this).redirected; } },
            type: { get() { return original(this).type; } },
            bodyUsed: { get() { return this.#used || (this.#stream?.locked ?? false); } },
            body: {
                get() {
                    if (this.#stream === undefined) {
                        this.#stream = NULL_BODY_STATUSES.has(this.status) ? null : new Response(this.#bytes.slice()).body;
                    }
                    return this.#stream;
                },
            },
        });
    }
}
//# sourceMappingURL=buffered-response.js.map