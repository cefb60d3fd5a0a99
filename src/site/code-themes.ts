/**
 * The two Shiki themes for every code block, Markdown's and the playgrounds'.
 * The high-contrast GitHub themes: the plain ones have token colours below
 * 4.5:1 against their own backgrounds (axe flags them).
 */
export const codeThemes = { light: 'github-light-high-contrast', dark: 'github-dark-high-contrast' } as const;
