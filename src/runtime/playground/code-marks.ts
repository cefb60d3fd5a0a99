/**
 * Step mode's marks in the code (design/explorer.md §3): each lane's next line
 * in the lane's colour, with the lane's name beside it. The highlighted code
 * (Shiki's, or held-code.ts's plain code) has one `span.line` per line, which
 * gets `data-step-lanes` and a colour class (the name is drawn by CSS from
 * that attribute); an open editor marks its own lines (CodeEditor.markLines).
 */
import type { StepLaneView } from '../../shared/protocol/explore.ts';
import type { CodeEditor, LineMark } from '../editor/code-editor.ts';
import { LANE_COLOURS } from '../views/lane-colours.ts';

const COLOUR_CLASSES = Array.from({ length: LANE_COLOURS }, (_, i) => `pg-lane-colour-${i}`);

/** The lanes that still have a next line: every lane but the finished ones. */
export function lineMarks(lanes: readonly StepLaneView[]): LineMark[] {
  return lanes
    .filter((lane) => lane.state !== 'finished' && lane.line > 0)
    .map((lane) => ({ line: lane.line, lane: lane.lane, colour: lane.laneIndex % LANE_COLOURS }));
}

/** Marks the lines in the editor when one is open, else in the highlighted code; `[]` clears them. */
export function markCode(code: HTMLElement, editor: CodeEditor | undefined, marks: readonly LineMark[]): void {
  if (editor) {
    editor.markLines(marks);
    return;
  }
  for (const old of code.querySelectorAll<HTMLElement>('[data-step-lanes]')) {
    delete old.dataset.stepLanes;
    old.classList.remove('pg-mark-line', ...COLOUR_CLASSES);
  }
  if (marks.length === 0) return;
  const lines = code.querySelectorAll<HTMLElement>('span.line');
  const byLine = new Map<number, LineMark[]>();
  for (const mark of marks) byLine.set(mark.line, [...(byLine.get(mark.line) ?? []), mark]);
  for (const [line, here] of byLine) {
    const el = lines[line - 1];
    if (!el) continue;
    el.dataset.stepLanes = here.map((m) => m.lane).join(', ');
    el.classList.add('pg-mark-line', `pg-lane-colour-${here[0]!.colour}`);
  }
}
