/** User-Agent: the package name and version, the Node.js version, then the caller's own userAgent. */
import { packageInfo } from "../package-info.js";
export function userAgentString(callerUserAgent) {
    const { name, version } = packageInfo();
    const ours = `${name}/${version} node/${process.versions.node}`;
    return callerUserAgent ? `${ours} ${callerUserAgent}` : ours;
}
//# sourceMappingURL=user-agent.js.map