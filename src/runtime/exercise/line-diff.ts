/**
 * Which lines differ between the learner's code and a solution: a longest
 * common subsequence of lines, compared without their indentation and
 * trailing spaces (moving code into a block changes its indentation, not its
 * meaning). Exercises are a few dozen lines, so the quadratic table is cheap.
 */

export interface LineDiff {
  /** For each line of `mine`: true when it is not in the solution. */
  mine: boolean[];
  /** For each line of `theirs`: true when it is not in `mine`. */
  theirs: boolean[];
  /** Runs of differing lines, 1-based and inclusive; `from > to` on one side means nothing there. */
  hunks: { mine: [number, number]; theirs: [number, number] }[];
}

const lines = (code: string): string[] => code.replace(/\n$/, '').split('\n');
const same = (line: string): string => line.trim().replace(/\s+/g, ' ');

export function lineDiff(mineCode: string, theirsCode: string): LineDiff {
  const a = lines(mineCode);
  const b = lines(theirsCode);
  const ka = a.map(same);
  const kb = b.map(same);
  // common[i][j]: the longest common subsequence of a[i..] and b[j..].
  const common = Array.from({ length: a.length + 1 }, () => new Uint16Array(b.length + 1));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      common[i]![j] = ka[i] === kb[j] ? common[i + 1]![j + 1]! + 1 : Math.max(common[i + 1]![j]!, common[i]![j + 1]!);
    }
  }
  const mine = a.map(() => true);
  const theirs = b.map(() => true);
  for (let i = 0, j = 0; i < a.length && j < b.length; ) {
    if (ka[i] === kb[j]) {
      mine[i++] = false;
      theirs[j++] = false;
    } else if (common[i + 1]![j]! >= common[i]![j + 1]!) i++;
    else j++;
  }
  return { mine, theirs, hunks: hunksOf(mine, theirs) };
}

/** Walks both sides together: a hunk is every differing line between two lines they share. */
function hunksOf(mine: boolean[], theirs: boolean[]): LineDiff['hunks'] {
  const hunks: LineDiff['hunks'] = [];
  let i = 0;
  let j = 0;
  while (i < mine.length || j < theirs.length) {
    if (i < mine.length && j < theirs.length && !mine[i] && !theirs[j]) {
      i++;
      j++;
      continue;
    }
    const start = [i, j] as const;
    while (i < mine.length && mine[i]) i++;
    while (j < theirs.length && theirs[j]) j++;
    hunks.push({ mine: [start[0] + 1, i], theirs: [start[1] + 1, j] });
  }
  return hunks;
}

/** "line 4", "lines 4–6", or "" when the side has none. */
export function lineRange([from, to]: [number, number]): string {
  if (from > to) return '';
  return from === to ? `line ${from}` : `lines ${from}–${to}`;
}
