/**
 * Monaco's two themes, made from the same Shiki themes as the static code
 * (src/shared/code-themes.ts), so that pressing Edit changes nothing a
 * learner can see but the caret.
 *
 * Shiki colours TextMate scopes; Monaco's TypeScript tokenizer (Monarch)
 * emits a coarser set of token types. Each Monarch type is mapped to the
 * TextMate scope Shiki gives the same text, and its colour is resolved with
 * TextMate's rule: the most specific matching selector wins.
 *
 * Pure data in, pure data out: no Monaco import, so it is unit-tested
 * (editor-themes.test.ts checks every colour's contrast).
 */
import githubDark from '@shikijs/themes/github-dark-high-contrast';
import githubLight from '@shikijs/themes/github-light-high-contrast';

/** The part of a VS Code / Shiki theme this module reads. */
export interface TextMateTheme {
  type?: string;
  colors?: Record<string, unknown>;
  tokenColors?: { scope?: string | string[]; settings: { foreground?: string; fontStyle?: string } }[];
}

/** The shape of monaco.editor.IStandaloneThemeData. */
export interface EditorThemeData {
  base: 'vs' | 'vs-dark';
  inherit: boolean;
  rules: { token: string; foreground?: string; fontStyle?: string }[];
  colors: Record<string, string>;
}

/**
 * Every token type Monaco's TypeScript tokenizer emits (without its `.ts`
 * postfix), and the scope stack Shiki's grammar gives the same text. `''` is
 * the default: identifiers, operators and everything unlisted.
 */
export const TYPESCRIPT_TOKEN_SCOPES: Record<string, string[]> = {
  '': [],
  identifier: ['variable.other.readwrite'],
  'type.identifier': ['entity.name.type'],
  keyword: ['keyword'],
  comment: ['comment'],
  'comment.doc': ['comment.block.documentation'],
  string: ['string'],
  'string.escape': ['string', 'constant.character.escape'],
  'string.invalid': ['invalid.illegal'],
  'string.escape.invalid': ['invalid.illegal'],
  number: ['constant.numeric'],
  regexp: ['string.regexp'],
  'regexp.escape': ['string.regexp', 'constant.character.escape'],
  'regexp.escape.control': ['string.regexp', 'keyword.operator.quantifier.regexp'],
  'regexp.invalid': ['invalid.illegal'],
  delimiter: ['punctuation'],
  invalid: ['invalid.illegal'],
};

/** Text colours Monaco paints from the theme's colour table rather than its token rules. */
export const TEXT_COLOR_KEYS = [
  'editor.foreground',
  'editorLineNumber.foreground',
  'editorLineNumber.activeForeground',
  'editorBracketHighlight.foreground1',
  'editorBracketHighlight.foreground2',
  'editorBracketHighlight.foreground3',
  'editorBracketHighlight.foreground4',
  'editorBracketHighlight.foreground5',
  'editorBracketHighlight.foreground6',
  'editorBracketHighlight.unexpectedBracket.foreground',
] as const;

/**
 * Where the Shiki theme's editor colours, meant for VS Code's larger UI, fall
 * short of 4.5:1: github-light-high-contrast's line numbers (#88929d) are
 * 3.2:1 on white, so they take the same palette's next darker grey; its
 * current-line band (#e7ecf0) leaves comments (#66707b) at 4.2:1, so the band
 * is paler (#f6f8fa, 4.7:1).
 */
const OVERRIDES: Record<'light' | 'dark', Record<string, string>> = {
  light: { 'editorLineNumber.foreground': '#59636e', 'editor.lineHighlightBackground': '#f6f8fa' },
  dark: {},
};

/** How specifically `selector` (e.g. "string.regexp constant.character.escape") matches `stack`, or -1. */
function specificity(selector: string, stack: string[]): number {
  const parts = selector.trim().split(/\s+/);
  const matches = (part: string, scope: string) => scope === part || scope.startsWith(`${part}.`);
  const last = parts[parts.length - 1]!;
  if (stack.length === 0 || !matches(last, stack[stack.length - 1]!)) return -1;
  // Ancestors must appear in order, further up the stack.
  let depth = stack.length - 2;
  for (let i = parts.length - 2; i >= 0; i--) {
    while (depth >= 0 && !matches(parts[i]!, stack[depth]!)) depth--;
    if (depth < 0) return -1;
    depth--;
  }
  return last.split('.').length * 100 + parts.length;
}

/** The foreground and font style TextMate would give `stack` under `theme`. */
export function resolveScope(theme: TextMateTheme, stack: string[]): { foreground?: string; fontStyle?: string } {
  let best = { score: -1, foreground: undefined as string | undefined, fontStyle: undefined as string | undefined };
  for (const rule of theme.tokenColors ?? []) {
    if (!rule.scope || rule.settings.foreground === undefined) continue;
    const selectors = typeof rule.scope === 'string' ? rule.scope.split(',') : rule.scope;
    for (const selector of selectors) {
      const score = specificity(selector, stack);
      // Later rules win ties, as in TextMate.
      if (score >= 0 && score >= best.score) best = { score, foreground: rule.settings.foreground, fontStyle: rule.settings.fontStyle };
    }
  }
  return { foreground: best.foreground, fontStyle: best.fontStyle };
}

const bare = (hex: string) => hex.replace(/^#/, '');

const HEX_COLOUR = /^#(?:[0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})$/i;

export function monacoThemeFrom(theme: TextMateTheme, kind: 'light' | 'dark'): EditorThemeData {
  // Monaco throws on a colour that is not a hex string, and the GitHub themes hold one
  // (github-dark-high-contrast's symbolIcon.constantForeground is an array): keep only colours.
  const valid = Object.entries(theme.colors ?? {}).filter(
    (entry): entry is [string, string] => typeof entry[1] === 'string' && HEX_COLOUR.test(entry[1]),
  );
  const colors: Record<string, string> = { ...Object.fromEntries(valid), ...OVERRIDES[kind] };
  const foreground = colors['editor.foreground'];
  if (!foreground || !colors['editor.background']) throw new Error('theme has no editor.foreground/background');
  const rules = Object.entries(TYPESCRIPT_TOKEN_SCOPES).map(([token, stack]) => {
    const resolved = stack.length ? resolveScope(theme, stack) : {};
    const fontStyle = resolved.fontStyle?.split(/\s+/).filter((s) => s === 'italic' || s === 'bold' || s === 'underline').join(' ');
    return { token, foreground: bare(resolved.foreground ?? foreground), ...(fontStyle ? { fontStyle } : {}) };
  });
  // inherit: false, so no colour of Monaco's own themes can slip in unchecked.
  return { base: kind === 'dark' ? 'vs-dark' : 'vs', inherit: false, rules, colors };
}

/** Monaco theme names for the site's light and dark schemes. */
export const EDITOR_THEME_NAMES = { light: 'racecourse-light', dark: 'racecourse-dark' } as const;

export const editorThemes = {
  light: monacoThemeFrom(githubLight, 'light'),
  dark: monacoThemeFrom(githubDark, 'dark'),
};
