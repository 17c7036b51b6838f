export function finishBundle<T>(doc: T): T { return doc; }
