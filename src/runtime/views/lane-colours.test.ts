import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { contrastRatio, blend } from '../editor/contrast.ts';
import { LANE_COLOURS, laneColour } from './lane-colours.ts';

/**
 * The lane palette (playground.css) is used as text (a lane's name on its
 * button and beside its line in the code), as borders and as fills, so each
 * colour must keep 4.5:1 on the page's backgrounds in its own theme (global.css),
 * and on the tint that marks a line in the code.
 */
const css = (path: string) => readFileSync(new URL(path, import.meta.url), 'utf8');
const pairs = (sheet: string, name: string): [string, string] => {
  const match = new RegExp(`${name}:\\s*light-dark\\((#[0-9a-f]{6}),\\s*(#[0-9a-f]{6})\\)`, 'i').exec(sheet);
  assert.ok(match, `${name} not found as light-dark(#…, #…)`);
  return [match[1]!, match[2]!];
};

test('every lane colour reads at 4.5:1 or more on the backgrounds of its theme, tinted lines included', () => {
  const global = css('../../styles/global.css');
  const playground = css('../../styles/playground.css');
  const backgrounds = [pairs(global, '--bg'), pairs(global, '--bg-soft')];
  for (let lane = 0; lane < LANE_COLOURS; lane++) {
    const colour = pairs(playground, `--lane-${lane}`);
    for (const theme of [0, 1] as const) {
      for (const background of backgrounds) {
        const bg = background[theme];
        assert.ok(contrastRatio(colour[theme], bg) >= 4.5, `--lane-${lane} on ${bg}: ${contrastRatio(colour[theme], bg).toFixed(2)}`);
        // A marked line: the lane's colour at 10% over the code's background.
        const tinted = blend(`${colour[theme]}1a`, bg);
        assert.ok(contrastRatio(colour[theme], tinted) >= 4.5, `--lane-${lane} on its tint over ${bg}`);
      }
    }
  }
});

test('lanes past the palette reuse it in turn', () => {
  assert.equal(laneColour(0), 'var(--lane-0)');
  assert.equal(laneColour(LANE_COLOURS + 2), 'var(--lane-2)');
});
