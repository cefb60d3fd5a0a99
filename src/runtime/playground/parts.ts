/**
 * The playground's markup as Playground.astro renders it: its parts by
 * `data-part`, its buttons by `data-action`, and the two places it speaks (a
 * notice, with optional actions, and a live announcer). Shared by the
 * element, the code it holds and its run controller.
 */

export function part<T extends HTMLElement = HTMLElement>(root: HTMLElement, name: string): T {
  const el = root.querySelector<T>(`[data-part="${name}"]`);
  if (!el) throw new Error(`Playground markup lacks its "${name}" part.`);
  return el;
}

export function button(root: HTMLElement, action: string): HTMLButtonElement {
  return root.querySelector<HTMLButtonElement>(`button[data-action="${action}"]`)!;
}

export interface NoticeAction {
  label: string;
  act: () => void;
}

export function showNotice(root: HTMLElement, text: string, actions: NoticeAction[] = []): void {
  const notice = part(root, 'notice');
  notice.replaceChildren(text);
  for (const { label, act } of actions) {
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = label;
    button.addEventListener('click', () => {
      act();
      if (notice.contains(button)) notice.hidden = true;
    });
    notice.append(' ', button);
  }
  notice.hidden = false;
}

export function announce(root: HTMLElement, text: string): void {
  part(root, 'announcer').textContent = text;
}
