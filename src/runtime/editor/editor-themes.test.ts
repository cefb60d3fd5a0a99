import { test } from 'node:test';
import assert from 'node:assert/strict';
import githubDark from '@shikijs/themes/github-dark-high-contrast';
import githubLight from '@shikijs/themes/github-light-high-contrast';
import { codeThemes } from '../../shared/code-themes.ts';
import { blend, contrastRatio } from './contrast.ts';
import { TEXT_COLOR_KEYS, TYPESCRIPT_TOKEN_SCOPES, editorThemes, resolveScope, type TextMateTheme } from './editor-themes.ts';

test('contrast ratios match WCAG reference values', () => {
  assert.equal(contrastRatio('#000000', '#ffffff').toFixed(2), '21.00');
  assert.equal(contrastRatio('#ffffff', '#ffffff').toFixed(2), '1.00');
  // #767676 on white is the classic lightest grey that passes 4.5:1.
  assert.equal(contrastRatio('#767676', '#ffffff').toFixed(2), '4.54');
  assert.equal(blend('#ffffff80', '#000000'), '#808080');
});

test('the editor themes are built from the same Shiki themes as the static code', () => {
  assert.equal((githubLight as { name: string }).name, codeThemes.light);
  assert.equal((githubDark as { name: string }).name, codeThemes.dark);
});

test('scopes resolve as TextMate does: the most specific selector wins', () => {
  const theme = githubDark as TextMateTheme;
  assert.equal(resolveScope(theme, ['keyword']).foreground, '#ff9492');
  assert.equal(resolveScope(theme, ['string']).foreground, '#addcff');
  // "string.regexp constant.character.escape" beats "constant.character".
  assert.equal(resolveScope(theme, ['string.regexp', 'constant.character.escape']).foreground, '#72f088');
  assert.equal(resolveScope(theme, ['string', 'constant.character.escape']).foreground, '#ff9492');
  assert.equal(resolveScope(theme, ['punctuation']).foreground, undefined);
});

for (const kind of ['light', 'dark'] as const) {
  const theme = editorThemes[kind];
  const background = theme.colors['editor.background']!;
  // The caret's line is painted with lineHighlightBackground (translucent in dark), and text on it must pass too.
  const backgrounds = [background, blend(theme.colors['editor.lineHighlightBackground'] ?? background, background)];

  test(`${kind} editor theme: a rule for every token type of Monaco's TypeScript tokenizer`, () => {
    assert.deepEqual(theme.rules.map((r) => r.token).sort(), Object.keys(TYPESCRIPT_TOKEN_SCOPES).sort());
    assert.equal(theme.inherit, false, 'no unchecked colours inherited from a Monaco theme');
  });

  test(`${kind} editor theme: every colour is a hex string, as Monaco's defineTheme requires`, () => {
    for (const [key, value] of Object.entries(theme.colors)) assert.match(value, /^#[0-9a-f]{3,8}$/i, key);
    for (const rule of theme.rules) assert.match(rule.foreground ?? '', /^[0-9a-f]{6}$/i, rule.token);
  });

  test(`${kind} editor theme: every token colour is at least 4.5:1 on the editor's backgrounds`, () => {
    for (const rule of theme.rules) {
      for (const bg of backgrounds) {
        const ratio = contrastRatio(`#${rule.foreground}`, bg);
        assert.ok(ratio >= 4.5, `token '${rule.token}' #${rule.foreground} on ${bg}: ${ratio.toFixed(2)}:1`);
      }
    }
  });

  test(`${kind} editor theme: line numbers and bracket colours are at least 4.5:1`, () => {
    for (const key of TEXT_COLOR_KEYS) {
      const colour = theme.colors[key];
      assert.ok(colour, `${key} is set`);
      for (const bg of backgrounds) {
        const ratio = contrastRatio(colour, bg);
        assert.ok(ratio >= 4.5, `${key} ${colour} on ${bg}: ${ratio.toFixed(2)}:1`);
      }
    }
    const selected = theme.colors['editor.selectionForeground'];
    if (selected) assert.ok(contrastRatio(selected, theme.colors['editor.selectionBackground']!) >= 4.5, 'selected text');
  });
}
