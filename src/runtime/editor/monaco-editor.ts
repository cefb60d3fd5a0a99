/**
 * Monaco, wrapped in one factory. Loaded only when a learner asks to edit, and
 * only what the course uses: the editor core, TypeScript, and the features
 * imported below (about 0.9 MB gzip of script, with their CSS: see
 * monacoCssPlugin in astro.config.mjs). Every other language and feature of
 * the `monaco-editor` package stays out of the build.
 *
 * The caret never waits for the TypeScript worker (1.5 MB gzip: diagnostics,
 * completions, hover types): Monaco's workers start only after the editor has
 * been painted with the caret in it (see workersAllowed).
 */
import * as monaco from 'monaco-editor/editor/editor.api';
// TypeScript's tokens and brackets, bundled rather than fetched on first use, so the code is coloured at
// first paint; and its language service (typescriptDefaults; the rest and the worker come on demand).
import { conf as tsConf, language as tsTokens } from 'monaco-editor/languages/definitions/typescript/typescript';
import * as ts from 'monaco-editor/languages/features/typescript/register';
// The editor's features beyond typing, selecting, undo and clipboard (all in the core). Judged by bytes:
// folding, multi-cursor commands, colour pickers, inline completions, sticky scroll and the like stay out.
import 'monaco-editor/features/find/register'; // Ctrl+F / Ctrl+H (its hidden widget stays out of the Tab order)
import 'monaco-editor/editor/contrib/bracketMatching/browser/bracketMatching';
import 'monaco-editor/editor/contrib/comment/browser/comment'; // Ctrl+/
import 'monaco-editor/editor/contrib/suggest/browser/suggestController'; // completions
import 'monaco-editor/editor/contrib/parameterHints/browser/parameterHints'; // a call's signature while typing it
import 'monaco-editor/editor/contrib/hover/browser/hoverContribution'; // types and diagnostics under the pointer
import 'monaco-editor/editor/contrib/gotoError/browser/gotoError'; // F8: the next diagnostic, from the keyboard
import 'monaco-editor/editor/contrib/codeAction/browser/codeActionContributions'; // quick fixes ("Add import from…")
import 'monaco-editor/editor/contrib/wordOperations/browser/wordOperations'; // Ctrl+←/→, Ctrl+Backspace
import 'monaco-editor/editor/contrib/linesOperations/browser/linesOperations'; // Alt+↑/↓, Ctrl+Shift+K, indent
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import TsWorker from 'monaco-editor/language/typescript/ts.worker?worker';
import { racecourseDeclarations } from 'virtual:racecourse-declarations';
import type { CodeEditor, EditorOptions, LineMark } from './code-editor.ts';
import { EDITOR_THEME_NAMES, editorThemes } from './editor-themes.ts';

let configured = false;

function configureOnce(): void {
  if (configured) return;
  configured = true;

  self.MonacoEnvironment = {
    getWorker: (_id: string, label: string) =>
      workersAllowed.then(() => (label === 'typescript' || label === 'javascript' ? new TsWorker() : new EditorWorker())),
  };

  monaco.languages.register({
    id: 'typescript',
    extensions: ['.ts', '.tsx', '.cts', '.mts'],
    aliases: ['TypeScript', 'ts', 'typescript'],
    mimetypes: ['text/typescript'],
  });
  monaco.languages.setMonarchTokensProvider('typescript', tsTokens);
  monaco.languages.setLanguageConfiguration('typescript', tsConf);

  // The static code's Shiki themes, so nothing changes colour when the editor opens.
  monaco.editor.defineTheme(EDITOR_THEME_NAMES.light, editorThemes.light);
  monaco.editor.defineTheme(EDITOR_THEME_NAMES.dark, editorThemes.dark);

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

/**
 * Monaco asks for its workers as soon as a model exists (the TypeScript worker,
 * for diagnostics of code that has not changed yet); they wait for this: a
 * second after the first editor has been painted with its caret, at an idle
 * moment. So the first keystrokes never share the machine with the download
 * and start-up of the 7 MB TypeScript worker; a hover or a completion asked for
 * sooner is answered once it is up.
 */
const WORKER_DELAY_MS = 1000;
let allowWorkers!: () => void;
const workersAllowed = new Promise<void>((resolve) => (allowWorkers = resolve));

function allowWorkersAfterFirstPaint(): void {
  requestAnimationFrame(() =>
    setTimeout(() => {
      if ('requestIdleCallback' in window) requestIdleCallback(allowWorkers, { timeout: 1000 });
      else allowWorkers();
    }, WORKER_DELAY_MS),
  );
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

  allowWorkersAfterFirstPaint();

  // Step mode's marks: a whole-line tint and a label after the line, both in the lane's colour (playground.css).
  const marks = editor.createDecorationsCollection();

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
    markLines(lines: readonly LineMark[]) {
      marks.set(lineDecorations(lines, model));
    },
  };
}

/** Two decorations per marked line: a whole-line tint in its first lane's colour, and every lane's name after the line. */
function lineDecorations(lines: readonly LineMark[], model: monaco.editor.ITextModel): monaco.editor.IModelDeltaDecoration[] {
  const byLine = new Map<number, LineMark[]>();
  for (const mark of lines) {
    if (mark.line < 1 || mark.line > model.getLineCount()) continue;
    byLine.set(mark.line, [...(byLine.get(mark.line) ?? []), mark]);
  }
  return [...byLine].flatMap(([line, here]) => {
    const colour = `pg-lane-colour-${here[0]!.colour}`;
    const end = model.getLineMaxColumn(line);
    return [
      { range: new monaco.Range(line, 1, line, 1), options: { isWholeLine: true, className: `pg-mark-line ${colour}`, linesDecorationsClassName: `pg-mark-gutter ${colour}` } },
      {
        // Injected text shows only on a collapsed range at the line's end.
        range: new monaco.Range(line, end, line, end),
        options: { showIfCollapsed: true, after: { content: `  ◂ ${here.map((m) => m.lane).join(', ')}`, inlineClassName: `pg-mark-label ${colour}` } },
      },
    ];
  });
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
