export declare function userAgentString(callerUserAgent: string | undefined): string;
//# sourceMappingURL=user-agent.d.ts.map