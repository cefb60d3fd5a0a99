// Types for the build-time virtual modules and aliases used by browser code.
declare module 'virtual:racecourse-declarations' {
  /** Declaration files of the `racecourse` module, by path under node_modules/racecourse/. */
  export const racecourseDeclarations: Record<string, string>;
}
declare module 'monaco-editor-css?url' {
  const url: string;
  export default url;
}
