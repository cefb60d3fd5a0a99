/**
 * What a spinning lane's worker and the hub agree on (learner-atomics.ts,
 * hub/spin-watch.ts): the spin board's cells, how many same reads make a
 * beat, and the name of the cell a loop waits on.
 */

/** Int32 cells: `streak` = the current streak's number (0: none), `beat` counts beats. */
export const SPIN_BOARD = { streak: 0, beat: 1, bytes: 8 } as const;

/** Reads of the same cell with the same value between two beats (a power of two). */
export const SPIN_SAMPLE = 4096;

/**
 * `Atomics.load(flag, 1)` on the line → `flag[1]`: the text of the first
 * argument of the first call of `op` on the snippet's line, and the index
 * the call used. "a shared array" when the line does not show it (an alias
 * of Atomics, a call on another line).
 */
export function cellName(line: string, op: string, index: unknown): string {
  const call = new RegExp(`\\bAtomics\\s*\\.\\s*${op}\\s*\\(`).exec(line);
  if (!call) return 'a shared array';
  let depth = 0;
  let end = call.index + call[0].length;
  const start = end;
  for (; end < line.length; end++) {
    const c = line[end]!;
    if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') {
      if (depth === 0) break;
      depth--;
    } else if (c === ',' && depth === 0) break;
  }
  const array = line.slice(start, end).trim();
  if (!array || line[end] !== ',') return 'a shared array';
  return `${array}[${typeof index === 'number' || typeof index === 'string' ? index : '?'}]`;
}
