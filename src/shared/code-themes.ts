/**
 * The two colour themes of every piece of code on the site: Shiki's static
 * highlighting (Markdown and playgrounds) and the Monaco editor, which is
 * built from the same theme data (src/runtime/editor/editor-themes.ts) so the
 * colours do not jump when a learner presses Edit. The high-contrast GitHub
 * themes: the plain ones have token colours below 4.5:1 on their own
 * backgrounds.
 */
export const codeThemes = { light: 'github-light-high-contrast', dark: 'github-dark-high-contrast' } as const;
