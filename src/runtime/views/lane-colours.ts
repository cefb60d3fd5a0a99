/**
 * Each lane's colour in Step mode: the scheduler's buttons, the marks in the
 * code and the timeline in steps all use the same one, so "the blue lane" is
 * the same worker everywhere. The colours themselves are CSS (`--lane-0` …
 * in playground.css, a light and a dark value each, every one at least 4.5:1
 * on the page's background); lanes past the palette reuse it in turn.
 */
export const LANE_COLOURS = 6;

/** A CSS value for the lane's colour: `var(--lane-1)`. */
export function laneColour(laneIndex: number): string {
  return `var(--lane-${((laneIndex % LANE_COLOURS) + LANE_COLOURS) % LANE_COLOURS})`;
}
