/**
 * What the playground needs from an editor, whichever one is behind it:
 * Monaco on a desktop, a plain textarea on touch devices and narrow screens
 * (Monaco is 3.5 MB of script, 0.9 MB gzip, and fights on-screen keyboards).
 */
export interface CodeEditor {
  /** Replaces the whole text as one undoable edit. */
  setValue(code: string): void;
  focus(): void;
  /**
   * Step mode: marks each lane's next line in the lane's colour, with the
   * lane's name beside it; an empty list clears the marks (leaving Step mode).
   */
  markLines(marks: readonly LineMark[]): void;
}

/** One lane's next line (1-based), and its colour: an index into the lane palette (`--lane-N`, playground.css). */
export interface LineMark {
  line: number;
  lane: string;
  colour: number;
}

export interface EditorOptions {
  /** Where the editor goes; it is emptied first. */
  container: HTMLElement;
  code: string;
  /** Accessible name of the text area. */
  label: string;
  onChange(code: string): void;
  /** Escape inside the editor: stop a run (the playground decides). */
  onEscape(): void;
  /**
   * Ctrl/Cmd+Enter inside an editor that swallows the key itself (Monaco binds
   * it to "insert line below"); the light editor lets it bubble to the playground.
   */
  onRun(): void;
}

/** Monaco for fine pointers and wide screens, the light editor otherwise. */
export function prefersLightEditor(): boolean {
  return matchMedia('(pointer: coarse)').matches || window.innerWidth < 640;
}

/**
 * Starts downloading the editor this screen would open, without opening it:
 * called when a pointer or the keyboard reaches Edit, so that most of the
 * download is done by the time of the click. The module cache makes the
 * later import() free.
 */
export function preloadEditor(light = prefersLightEditor()): void {
  void (light ? import('./light-editor.ts') : import('./monaco-editor.ts')).catch(() => {
    /* openEditor() reports a failure to load when it is asked to */
  });
}

export async function openEditor(options: EditorOptions, light = prefersLightEditor()): Promise<CodeEditor> {
  if (light) {
    const { createLightEditor } = await import('./light-editor.ts');
    return createLightEditor(options);
  }
  const { createMonacoEditor } = await import('./monaco-editor.ts');
  return createMonacoEditor(options);
}
