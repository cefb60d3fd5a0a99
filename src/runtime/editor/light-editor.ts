import type { CodeEditor, EditorOptions } from './code-editor.ts';

/** A textarea that behaves well with on-screen keyboards; Tab leaves it, as in any form. */
export function createLightEditor(options: EditorOptions): CodeEditor {
  const { container, code, label } = options;
  const area = document.createElement('textarea');
  area.className = 'pg-light-editor';
  area.value = code;
  area.spellcheck = false;
  area.autocapitalize = 'off';
  area.setAttribute('autocorrect', 'off');
  area.setAttribute('aria-label', label);
  area.rows = Math.min(Math.max(code.split('\n').length + 1, 6), 40);
  area.addEventListener('input', () => options.onChange(area.value));
  area.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') options.onEscape();
  });
  container.replaceChildren(area);
  return {
    setValue(next) {
      // execCommand keeps the change on the textarea's own undo stack.
      area.focus();
      area.select();
      if (!document.execCommand('insertText', false, next)) area.value = next;
      options.onChange(area.value);
    },
    focus: () => area.focus(),
  };
}
