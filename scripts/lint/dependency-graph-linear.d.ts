// Types for dependency-graph-linear.js (plain JavaScript: the Spectral worker thread imports it without a loader).
import type { DepGraph as DependencyGraph } from "dependency-graph";

type Methods = Pick<DependencyGraph<unknown>, "overallOrder" | "addDependency" | "removeNode" | "removeDependency">;

/** The methods as the installed dependency-graph defines them. */
export const originalMethods: Methods;
/** The linear replacements, in place on DepGraph.prototype when `patched`. */
export const linearMethods: Methods;
/** True when json-ref-resolver's dependency-graph is 0.11.0 and the replacements are in place. */
export const patched: boolean;
/** json-ref-resolver's DepGraph class. */
export const DepGraph: typeof DependencyGraph;
