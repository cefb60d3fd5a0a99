// Types for the build-time virtual modules, and for a Monaco module the package ships without them.
declare module 'virtual:racecourse-declarations' {
  /** Declaration files of the `racecourse` module, by path under node_modules/racecourse/. */
  export const racecourseDeclarations: Record<string, string>;
}
declare module 'monaco-editor/languages/definitions/typescript/typescript' {
  import type { languages } from 'monaco-editor/editor/editor.api';
  /** TypeScript's brackets, comments and indentation rules. */
  export const conf: languages.LanguageConfiguration;
  /** TypeScript's Monarch tokenizer. */
  export const language: languages.IMonarchLanguage;
}
