export declare class BufferedResponse extends Response {
    #private;
    constructor(original: Response, bytes: Uint8Array);
    /** Reads the body of `response` into memory and returns it buffered. */
    static from(response: Response): Promise<BufferedResponse>;
    text(): Promise<string>;
    json(): Promise<any>;
    arrayBuffer(): Promise<ArrayBuffer>;
    bytes(): Promise<Uint8Array<ArrayBuffer>>;
    blob(): Promise<Blob>;
    formData(): Promise<FormData>;
    clone(): Response;
}
//# sourceMappingURL=buffered-response.d.ts.map