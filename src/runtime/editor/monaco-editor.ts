/**
 * Monaco, wrapped in one factory. Loaded only when a learner asks to edit:
 * it is 11 MB of script, and its CSS is attached here rather than on every
 * page (see monacoCssPlugin in astro.config.mjs for why).
 */
import * as monaco from 'monaco-editor';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import TsWorker from 'monaco-editor/language/typescript/ts.worker?worker';
import monacoCssUrl from 'monaco-editor-css?url';
import { racecourseDeclarations } from 'virtual:racecourse-declarations';
import type { CodeEditor, EditorOptions } from './code-editor.ts';
import { EDITOR_THEME_NAMES, editorThemes } from './editor-themes.ts';

let configured = false;

function configureOnce(): void {
  if (configured) return;
  configured = true;

  self.MonacoEnvironment = {
    getWorker: (_id: string, label: string) =>
      label === 'typescript' || label === 'javascript' ? new TsWorker() : new EditorWorker(),
  };

  // The static code's Shiki themes, so nothing changes colour when the editor opens.
  monaco.editor.defineTheme(EDITOR_THEME_NAMES.light, editorThemes.light);
  monaco.editor.defineTheme(EDITOR_THEME_NAMES.dark, editorThemes.dark);

  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = monacoCssUrl;
  link.dataset.monacoCss = '';
  document.head.append(link);

  const ts = monaco.typescript;
  ts.typescriptDefaults.setCompilerOptions({
    target: ts.ScriptTarget.ESNext,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.NodeJs,
    // The generated declarations import each other with .js specifiers for their .d.ts files.
    allowImportingTsExtensions: true,
    strict: true,
    noEmit: true,
    allowNonTsExtensions: true,
    // Monaco wants lib file names; tsconfig-style names leave `console` undefined.
    lib: ['lib.es2022.d.ts', 'lib.webworker.d.ts'],
  });
  // The snippet is a module with top-level await, not a script.
  ts.typescriptDefaults.setDiagnosticsOptions({ noSemanticValidation: false, noSyntaxValidation: false });
  for (const [path, content] of Object.entries(racecourseDeclarations)) {
    ts.typescriptDefaults.addExtraLib(content, `file:///node_modules/racecourse/${path}`);
  }
}

function currentTheme(): string {
  return EDITOR_THEME_NAMES[document.documentElement.dataset.theme === 'dark' ? 'dark' : 'light'];
}

let modelCount = 0;

export function createMonacoEditor(options: EditorOptions): CodeEditor {
  const { container, code, label } = options;
  configureOnce();
  const startHeight = container.getBoundingClientRect().height;
  container.replaceChildren();
  // A distinct .ts path per playground, so each is its own module (top-level await allowed).
  const model = monaco.editor.createModel(code, 'typescript', monaco.Uri.parse(`file:///snippet-${++modelCount}.ts`));
  const editor = monaco.editor.create(container, {
    model,
    theme: currentTheme(),
    ariaLabel: label,
    minimap: { enabled: false },
    scrollBeyondLastLine: false,
    fontSize: 14,
    lineNumbersMinChars: 3,
    automaticLayout: true,
    tabSize: 2,
    fixedOverflowWidgets: true,
    scrollbar: { alwaysConsumeMouseWheel: false },
  });

  // Grow with the content, starting from the highlighted code's height so nothing jumps.
  const fit = (): void => {
    const height = Math.max(editor.getContentHeight(), Math.min(startHeight, 600));
    container.style.height = `${Math.min(height, 600)}px`;
  };
  container.style.height = `${startHeight}px`;
  editor.onDidContentSizeChange(fit);
  fit();

  editor.onDidChangeModelContent(() => options.onChange(editor.getValue()));
  editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter, () => options.onRun());

  // Tab indents, as coders expect; Escape then Tab leaves the editor, so the keyboard is never trapped.
  let escapeArmed = false;
  editor.onKeyDown((event) => {
    if (event.keyCode === monaco.KeyCode.Escape) {
      escapeArmed = true;
      options.onEscape();
      return;
    }
    if (event.keyCode === monaco.KeyCode.Tab && escapeArmed) {
      event.preventDefault();
      event.stopPropagation();
      moveFocusFrom(container, event.shiftKey ? -1 : 1);
    }
    escapeArmed = false;
  });

  const themeWatcher = new MutationObserver(() => monaco.editor.setTheme(currentTheme()));
  themeWatcher.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });

  return {
    setValue(next) {
      // An edit operation (not model.setValue) so Ctrl+Z can undo a Reset.
      editor.pushUndoStop();
      editor.executeEdits('reset', [{ range: model.getFullModelRange(), text: next }]);
      editor.pushUndoStop();
    },
    focus: () => editor.focus(),
  };
}

/** Focuses the next (or previous) focusable element outside `container`. */
function moveFocusFrom(container: HTMLElement, direction: 1 | -1): void {
  const focusables = [
    ...document.querySelectorAll<HTMLElement>('a[href], button:not([disabled]), input, select, textarea, [tabindex]'),
  ].filter((el) => el.tabIndex >= 0 && !el.hidden && el.offsetParent !== null);
  const outside = focusables.filter((el) => !container.contains(el));
  const position = (el: HTMLElement) => container.compareDocumentPosition(el);
  const target =
    direction === 1
      ? outside.find((el) => position(el) & Node.DOCUMENT_POSITION_FOLLOWING)
      : outside.reverse().find((el) => position(el) & Node.DOCUMENT_POSITION_PRECEDING);
  target?.focus();
}
