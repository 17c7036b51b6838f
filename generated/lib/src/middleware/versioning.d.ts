export interface VersionedMediaTypes {
    accept: string;
    contentType?: string;
}
/** The versioned media types of the operation at `method` + `schemaPath`, if it is one of ours. */
export declare function mediaTypesFor(method: string, schemaPath: string): VersionedMediaTypes | undefined;
/** Sets the operation's versioned Accept and Content-Type on `request`, unless the caller chose their own. */
export declare function applyMediaTypes(request: Request, types: VersionedMediaTypes | undefined): void;
//# sourceMappingURL=versioning.d.ts.map