/**
 * Makes error stacks speak about the learner's snippet. Sucrase keeps line
 * numbers, the snippet runs from a blob: URL, and spawned functions are
 * evaluated with `//# sourceURL=snippet.ts` at their own line, so mapping is
 * renaming the snippet's URL and dropping the runtime's own frames.
 */

export const SNIPPET_FILE = 'snippet.ts';

/**
 * Prepended to the snippet's line 1 by the run worker: the learner's
 * `Atomics` (worker/learner-atomics.ts, which watches for spins), then the
 * call that marks the run's time zero. Columns on line 1 are shifted back by
 * its length.
 */
export const START_MARKER =
  "const Atomics=globalThis[Symbol.for('racecourse.atomics')]??globalThis.Atomics;globalThis[Symbol.for('racecourse.start')]();";

/** Where a worker keeps the learner's `Atomics` (worker/learner-atomics.ts), as START_MARKER and function-source.ts read it. */
export const LEARNER_ATOMICS = Symbol.for('racecourse.atomics');

const FRAME = /^\s+at /;

export interface StackMapper {
  /** URLs the snippet's code runs from (its blob: module URL). */
  snippetUrls: string[];
  /** Characters prepended to line 1 (the start marker), if any. */
  lineOneShift?: number;
}

export function mapStack(stack: string, mapper: StackMapper): string {
  let text = stack;
  for (const url of mapper.snippetUrls) if (url) text = text.split(url).join(SNIPPET_FILE);
  const shift = mapper.lineOneShift ?? 0;
  if (shift > 0)
    text = text.replace(new RegExp(`${SNIPPET_FILE.replace('.', '\\.')}:1:(\\d+)`, 'g'), (match, column: string) =>
      Number(column) > shift ? `${SNIPPET_FILE}:1:${Number(column) - shift}` : match,
    );
  const lines = text.split('\n');
  const head: string[] = [];
  const frames: string[] = [];
  let inFrames = false;
  for (const line of lines) {
    if (FRAME.test(line)) {
      inFrames = true;
      if (line.includes(`${SNIPPET_FILE}:`)) frames.push(`    ${line.trim()}`);
    } else if (!inFrames) {
      head.push(line);
    }
  }
  return [...head, ...frames].join('\n');
}

/** Line and column (1-based) of the first snippet frame, if any. */
export function snippetLocation(stack: string): { line: number; column: number } | undefined {
  const match = new RegExp(`${SNIPPET_FILE.replace('.', '\\.')}:(\\d+):(\\d+)`).exec(stack);
  if (!match) return undefined;
  return { line: Number(match[1]), column: Number(match[2]) };
}

/** Where `needle` starts in `code`: 1-based line, 0-based column. */
export function locate(code: string, needle: string): { line: number; column: number } | undefined {
  const index = code.indexOf(needle);
  if (index < 0) return undefined;
  const before = code.slice(0, index);
  const line = before.split('\n').length;
  const column = index - (before.lastIndexOf('\n') + 1);
  return { line, column };
}
