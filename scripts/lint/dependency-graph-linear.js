// Makes two methods of dependency-graph 0.11.0's DepGraph linear, for Spectral's $ref resolution.
//
// Why: Spectral resolves the bundle's $refs with @stoplight/json-ref-resolver, which records every $ref
// of the document in DepGraphs and orders them with overallOrder(). Two methods scan arrays:
//   - overallOrder() on a graph that allows cycles ends with
//       keys.filter((node) => result.indexOf(node) === -1).forEach(DFS)
//     O(nodes x result);
//   - addDependency(from, to) checks `outgoingEdges[from].indexOf(to)` and `incomingEdges[to].indexOf(from)`:
//     the resolver adds (document root -> target) for every $ref, so each $ref scans the list of every
//     target seen so far, O($refs x targets).
// Profiled at 2,000 operations: 2.3 s and 1.4 s of a Spectral run, growing with the square of the
// document (bench/PROFILE.md). The latest release (1.0.0) has the same code.
//
// The replacements return the same results: overallOrder's filter only skips nodes the DFS has already
// visited (and the DFS returns at once for a visited start node), so asking a Set gives the same order;
// addDependency keeps a Set beside each edge list (rebuilt whenever the list was changed another way) and
// pushes exactly when indexOf would have found nothing. createDFS is 0.11.0's (MIT, Jim Riecken), unchanged.
//
// Applied only to the copy of dependency-graph that json-ref-resolver loads, and only when it is 0.11.0:
// another version keeps its own code. test/spectral/dependency-graph-linear.test.ts compares both.
import { createRequire } from "node:module";

const EXPECTED_VERSION = "0.11.0";

/** The dependency-graph module json-ref-resolver requires (node_modules may hold several copies). */
function resolversDependencyGraph() {
  const requireFromSpectral = createRequire(createRequire(import.meta.url).resolve("@stoplight/spectral-core"));
  const requireFromResolver = createRequire(requireFromSpectral.resolve("@stoplight/json-ref-resolver"));
  return { module: requireFromResolver("dependency-graph"), version: requireFromResolver("dependency-graph/package.json").version };
}

const { module: dependencyGraph, version } = resolversDependencyGraph();
const { DepGraph, DepGraphCycleError } = dependencyGraph;

function createDFS(edges, leavesOnly, result, circular) {
  const visited = {};
  return function (start) {
    if (visited[start]) return;
    const inCurrentPath = {};
    const currentPath = [];
    const todo = [{ node: start, processed: false }];
    while (todo.length > 0) {
      const current = todo[todo.length - 1];
      const { processed, node } = current;
      if (!processed) {
        if (visited[node]) {
          todo.pop();
          continue;
        } else if (inCurrentPath[node]) {
          if (circular) {
            todo.pop();
            continue;
          }
          currentPath.push(node);
          throw new DepGraphCycleError(currentPath);
        }
        inCurrentPath[node] = true;
        currentPath.push(node);
        const nodeEdges = edges[node];
        for (let i = nodeEdges.length - 1; i >= 0; i--) todo.push({ node: nodeEdges[i], processed: false });
        current.processed = true;
      } else {
        todo.pop();
        currentPath.pop();
        inCurrentPath[node] = false;
        visited[node] = true;
        if (!leavesOnly || edges[node].length === 0) result.push(node);
      }
    }
  };
}

/** 0.11.0's overallOrder, its final filter asking a Set instead of scanning the result. */
function overallOrder(leavesOnly) {
  const result = [];
  const keys = Object.keys(this.nodes);
  if (keys.length === 0) return result;
  if (!this.circular) {
    const cycleDFS = createDFS(this.outgoingEdges, false, [], this.circular);
    keys.forEach((n) => cycleDFS(n));
  }
  const DFS = createDFS(this.outgoingEdges, leavesOnly, result, this.circular);
  keys.filter((node) => this.incomingEdges[node].length === 0).forEach((n) => DFS(n));
  if (this.circular) {
    const done = new Set(result);
    keys.filter((node) => !done.has(node)).forEach((n) => DFS(n));
  }
  return result;
}

/** Per graph, a Set of each edge list's entries; dropped when the graph removes anything. */
const edgeSets = new WeakMap();

function pushOnce(graph, list, item) {
  let sets = edgeSets.get(graph);
  if (sets === undefined) edgeSets.set(graph, (sets = new WeakMap()));
  let set = sets.get(list);
  if (set === undefined || set.size !== list.length) sets.set(list, (set = new Set(list)));
  if (set.has(item)) return;
  list.push(item);
  set.add(item);
}

/** 0.11.0's addDependency, its duplicate checks asking a Set. */
function addDependency(from, to) {
  if (!this.hasNode(from)) throw new Error("Node does not exist: " + from);
  if (!this.hasNode(to)) throw new Error("Node does not exist: " + to);
  pushOnce(this, this.outgoingEdges[from], to);
  pushOnce(this, this.incomingEdges[to], from);
  return true;
}

/** The methods as the installed dependency-graph defines them (for the test that compares both). */
export const originalMethods = {
  overallOrder: DepGraph.prototype.overallOrder,
  addDependency: DepGraph.prototype.addDependency,
  removeNode: DepGraph.prototype.removeNode,
  removeDependency: DepGraph.prototype.removeDependency,
};

/** The linear replacements. */
export const linearMethods = {
  overallOrder,
  addDependency,
  removeNode(node) {
    edgeSets.delete(this);
    return originalMethods.removeNode.call(this, node);
  },
  removeDependency(from, to) {
    edgeSets.delete(this);
    return originalMethods.removeDependency.call(this, from, to);
  },
};

/** True when the installed version is the one these replacements copy, and they are in place. */
export const patched = version === EXPECTED_VERSION;

if (patched && DepGraph.prototype.overallOrder !== overallOrder) Object.assign(DepGraph.prototype, linearMethods);

export { DepGraph };
