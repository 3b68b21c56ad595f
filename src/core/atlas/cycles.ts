/** A directed edge between two scenario codes, carrying its position in the input (for reporting). */
export interface Edge {
  from: string;
  to: string;
  /** position of the edge in the caller's list */
  index: number;
}

/** A cycle: the codes along it, first code repeated at the end, and the edge that closes it. */
export interface Cycle {
  path: string[];
  closingEdge: Edge;
}

/**
 * Every cycle closed by a back edge of a depth-first search over `edges`. Searches start from edge tails in the given
 * order and follow edges in the given order, so in a file-ordered list the reported closing edge is the one written
 * last. Iterative, so deep chains do not overflow the stack. Each back edge gives one cycle.
 */
export function findCycles(edges: readonly Edge[]): Cycle[] {
  const out = new Map<string, Edge[]>();
  for (const e of edges) {
    const list = out.get(e.from);
    if (list) list.push(e);
    else out.set(e.from, [e]);
  }
  const state = new Map<string, 'open' | 'done'>();
  const cycles: Cycle[] = [];
  for (const start of edges) {
    if (state.has(start.from)) continue;
    const stack: { node: string; next: number }[] = [{ node: start.from, next: 0 }];
    const onPath: string[] = [start.from];
    state.set(start.from, 'open');
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      const edge = out.get(top.node)?.[top.next];
      if (!edge) {
        state.set(top.node, 'done');
        stack.pop();
        onPath.pop();
        continue;
      }
      top.next++;
      const seen = state.get(edge.to);
      if (seen === 'open') {
        const from = onPath.lastIndexOf(edge.to);
        cycles.push({ path: [...onPath.slice(from), edge.to], closingEdge: edge });
      } else if (seen === undefined) {
        state.set(edge.to, 'open');
        stack.push({ node: edge.to, next: 0 });
        onPath.push(edge.to);
      }
    }
  }
  return cycles;
}

export function formatCycle(path: readonly string[]): string {
  return path.join(' → ');
}
