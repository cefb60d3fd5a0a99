/**
 * True while the interleaving explorer runs the snippet, false in a real run.
 * The explorer tries every schedule of a small program, so a snippet can say
 * how small: `const TIMES = exploring ? 2 : 200_000;` (a bug that needs many
 * iterations to show up in real runs usually needs only a few interleaved
 * steps when every schedule is tried).
 */
export const exploring: boolean = false;
