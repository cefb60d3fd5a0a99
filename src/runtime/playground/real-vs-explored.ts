import type { ExploreReport } from '../../shared/protocol/explore.ts';

/**
 * Last lines that real runs of this code printed but no explored execution
 * did (design/explorer.md §2): a model assumption was broken, a data race
 * most often. Not asked of a search that was not complete, nor of code that
 * makes itself small under the explorer (`exploring`), whose outcomes differ
 * from real runs by design.
 */
export function unexplainedResults(code: string, report: ExploreReport, real: ReadonlySet<string>): string[] {
  if (!report.complete || report.unsupported || /\bexploring\b/.test(code)) return [];
  const explored = new Set(report.outcomes.map((o) => o.lastLine));
  return [...real].filter((line) => !explored.has(line));
}

export function unexplainedWarning(lines: string[]): string {
  const shown = lines.slice(0, 3).map((l) => `“${l}”`).join(', ');
  return (
    `A real run printed ${shown}${lines.length > 3 ? ` and ${lines.length - 3} more` : ''}, which no explored interleaving gives. ` +
    'The explorer assumes every shared access happens in one global order (sequential consistency) within its bound; ' +
    'real hardware keeps that promise only for code whose shared accesses are ordered by atomics, locks or messages. ' +
    'This code most likely has a data race, or needs more preemptions than the bound.'
  );
}
