import type { CodeEditor, EditorOptions, LineMark } from './code-editor.ts';

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
  // A textarea cannot colour its lines: Step mode's marks are said under it instead, in the lanes' colours.
  const marks = document.createElement('p');
  marks.className = 'pg-light-marks';
  marks.hidden = true;
  container.replaceChildren(area, marks);
  return {
    setValue(next) {
      // execCommand keeps the change on the textarea's own undo stack.
      area.focus();
      area.select();
      if (!document.execCommand('insertText', false, next)) area.value = next;
      options.onChange(area.value);
    },
    focus: () => area.focus(),
    markLines(lines: readonly LineMark[]) {
      marks.replaceChildren(
        ...lines.flatMap((mark, i) => {
          const item = document.createElement('span');
          item.className = `pg-mark-label pg-lane-colour-${mark.colour}`;
          item.textContent = `${mark.lane}: line ${mark.line}`;
          return i === 0 ? [item] : [' · ', item];
        }),
      );
      if (lines.length) marks.prepend('Next lines: ');
      marks.hidden = lines.length === 0;
    },
  };
}
