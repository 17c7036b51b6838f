// scripts/lint/dependency-graph-linear.js replaces two array-scanning methods of dependency-graph 0.11.0
// (used by Spectral's $ref resolution) with Set-based ones: they must give exactly what the originals give.
import { describe, expect, it } from 'vitest';
import { DepGraph, linearMethods, originalMethods, patched } from '../../scripts/lint/dependency-graph-linear.js';

type Graph = InstanceType<typeof DepGraph>;
type Methods = typeof originalMethods;

/** Every edge of a graph, both ways (the lists dependency-graph keeps; not in its typings). */
function edges(graph: Graph): unknown {
  const { outgoingEdges, incomingEdges } = graph as unknown as { outgoingEdges: unknown; incomingEdges: unknown };
  return { outgoingEdges, incomingEdges };
}

/** A small deterministic pseudo-random generator, so a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

/** The same sequence of edits, applied with one set of methods; returns the graph. */
function buildGraph(methods: Methods, seed: number, circular: boolean): Graph {
  const graph = new DepGraph<unknown>({ circular });
  const next = random(seed);
  const nodes = Array.from({ length: 30 }, (_, i) => `n${i}`);
  for (const node of nodes) graph.addNode(node);
  for (let i = 0; i < 120; i++) {
    const from = nodes[Math.floor(next() * nodes.length)]!;
    // Without cycles allowed: only edges to a higher-numbered node.
    const candidates = circular ? nodes : nodes.filter((n) => Number(n.slice(1)) > Number(from.slice(1)));
    if (candidates.length === 0) continue;
    const to = candidates[Math.floor(next() * candidates.length)]!;
    const roll = next();
    if (roll < 0.1) methods.removeDependency.call(graph, from, to);
    else if (roll < 0.13) {
      methods.removeNode.call(graph, to);
      graph.addNode(to);
    }
    else methods.addDependency.call(graph, from, to);
  }
  return graph;
}

describe('dependency-graph-linear', () => {
  it('is in place for the dependency-graph version Spectral resolves with', () => {
    expect(patched).toBe(true);
    expect(DepGraph.prototype.overallOrder).toBe(linearMethods.overallOrder);
    expect(DepGraph.prototype.addDependency).toBe(linearMethods.addDependency);
  });

  it('gives the same edges and overall order as dependency-graph itself, with and without cycles', () => {
    for (let seed = 1; seed <= 40; seed++) {
      for (const circular of [true, false]) {
        const original = buildGraph(originalMethods, seed, circular);
        const linear = buildGraph(linearMethods, seed, circular);
        expect(edges(linear), `seed ${seed}`).toEqual(edges(original));
        for (const leavesOnly of [false, true]) {
          expect(linearMethods.overallOrder.call(linear, leavesOnly), `seed ${seed}`).toEqual(originalMethods.overallOrder.call(original, leavesOnly));
        }
      }
    }
  });

  it('still reports a cycle in a graph that does not allow them', () => {
    const graph = new DepGraph<unknown>();
    for (const node of ['a', 'b', 'c']) graph.addNode(node);
    graph.addDependency('a', 'b');
    graph.addDependency('b', 'c');
    graph.addDependency('c', 'a');
    expect(() => graph.overallOrder()).toThrow(/Dependency Cycle Found: a -> b -> c -> a/);
  });

  it('adds an edge again after it was removed, and never twice', () => {
    const graph = new DepGraph<unknown>();
    for (const node of ['a', 'b']) graph.addNode(node);
    graph.addDependency('a', 'b');
    graph.addDependency('a', 'b');
    expect(graph.directDependenciesOf('a')).toEqual(['b']);
    graph.removeDependency('a', 'b');
    expect(graph.directDependenciesOf('a')).toEqual([]);
    graph.addDependency('a', 'b');
    expect(graph.directDependenciesOf('a')).toEqual(['b']);
    expect(graph.directDependantsOf('b')).toEqual(['a']);
  });
});
