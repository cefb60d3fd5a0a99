import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { contrastRatio } from '../editor/contrast.ts';
import { OUTCOME_LABELS } from '../../shared/outcomes.ts';

/**
 * Each outcome label (playground.css, `--outcome-<label>`) is text: the word
 * itself in its colour, in Run ×N's table (on the page's background) and in
 * the exploration's outcomes (on --bg-soft). Both themes, 4.5:1 or more; and
 * the four differ from one another, so the colour is a second cue, never the only one.
 */
const css = (path: string) => readFileSync(new URL(path, import.meta.url), 'utf8');
const pairs = (sheet: string, name: string): [string, string] => {
  const match = new RegExp(`${name}:\\s*light-dark\\((#[0-9a-f]{6}),\\s*(#[0-9a-f]{6})\\)`, 'i').exec(sheet);
  assert.ok(match, `${name} not found as light-dark(#…, #…)`);
  return [match[1]!, match[2]!];
};

test('every outcome label reads at 4.5:1 or more on the backgrounds of its theme', () => {
  const global = css('../../styles/global.css');
  const playground = css('../../styles/playground.css');
  const backgrounds = [pairs(global, '--bg'), pairs(global, '--bg-soft')];
  for (const label of OUTCOME_LABELS) {
    const colour = pairs(playground, `--outcome-${label}`);
    for (const theme of [0, 1] as const) {
      for (const background of backgrounds) {
        const ratio = contrastRatio(colour[theme], background[theme]);
        assert.ok(ratio >= 4.5, `--outcome-${label} on ${background[theme]}: ${ratio.toFixed(2)}`);
      }
    }
  }
});

test('the four labels have four colours in each theme, and each has its rule', () => {
  const playground = css('../../styles/playground.css');
  for (const theme of [0, 1] as const) {
    const colours = OUTCOME_LABELS.map((label) => pairs(playground, `--outcome-${label}`)[theme]);
    assert.equal(new Set(colours).size, OUTCOME_LABELS.length);
  }
  for (const label of OUTCOME_LABELS) assert.ok(playground.includes(`.pg-label[data-label='${label}']`), label);
});
