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
const NULL_BODY_STATUSES: ReadonlySet<number> = new Set([101, 103, 204, 205, 304]);

export class BufferedResponse extends Response {
  readonly #original: Response;
  readonly #bytes: Uint8Array;
  #used = false;
  #stream: ReadableStream<Uint8Array> | null | undefined;

  constructor(original: Response, bytes: Uint8Array) {
    super(null, { status: original.status, statusText: original.statusText });
    this.#original = original;
    this.#bytes = bytes;
  }

  /** Reads the body of `response` into memory and returns it buffered. */
  static async from(response: Response): Promise<BufferedResponse> {
    const bytes = NULL_BODY_STATUSES.has(response.status) ? EMPTY : new Uint8Array(await response.arrayBuffer());
    return new BufferedResponse(response, bytes);
  }

  /** The bytes, for a body read; throws like a Response whose body was read already. */
  #consume(): Uint8Array {
    if (this.bodyUsed) throw new TypeError("Body is unusable: Body has already been read");
    this.#used = true;
    return this.#bytes;
  }

  async text(): Promise<string> {
    return decoder.decode(this.#consume());
  }

  async json(): Promise<any> {
    return JSON.parse(await this.text());
  }

  async arrayBuffer(): Promise<ArrayBuffer> {
    return this.#consume().slice().buffer;
  }

  async bytes(): Promise<Uint8Array<ArrayBuffer>> {
    return this.#consume().slice();
  }

  // Rarely used: read through a platform Response over a copy, which knows how.
  blob(): Promise<Blob> {
    return this.#platformCopy().blob();
  }

  formData(): Promise<FormData> {
    return this.#platformCopy().formData();
  }

  #platformCopy(): Response {
    return new Response(this.#consume().slice(), { headers: this.headers });
  }

  clone(): Response {
    if (this.bodyUsed) throw new TypeError("Response.clone: Body has already been consumed.");
    return new BufferedResponse(this.#original, this.#bytes);
  }

  static {
    // Accessors of the platform's Response that must describe the original response.
    const original = (self: BufferedResponse) => self.#original;
    Object.defineProperties(BufferedResponse.prototype, {
      headers: { get(this: BufferedResponse) { return original(this).headers; } },
      url: { get(this: BufferedResponse) { return original(this).url; } },
      redirected: { get(this: BufferedResponse) { return original(this).redirected; } },
      type: { get(this: BufferedResponse) { return original(this).type; } },
      bodyUsed: { get(this: BufferedResponse) { return this.#used || (this.#stream?.locked ?? false); } },
      body: {
        get(this: BufferedResponse) {
          if (this.#stream === undefined) {
            this.#stream = NULL_BODY_STATUSES.has(this.status) ? null : new Response(this.#bytes.slice()).body;
          }
          return this.#stream;
        },
      },
    });
  }
}
