/**
 * <site-search>: a search box over Pagefind's index. `/` anywhere (outside a
 * text field or the editor) focuses it; Escape clears and closes it; results
 * are links with the matching passage, reachable with Tab.
 */
interface PagefindResult {
  data(): Promise<{ url: string; excerpt: string; meta: { title?: string } }>;
}
interface Pagefind {
  search(query: string): Promise<{ results: PagefindResult[] }>;
}

const INDEX_URL = '/pagefind/pagefind.js';
const MAX_RESULTS = 8;

let pagefind: Promise<Pagefind> | undefined;
function loadPagefind(): Promise<Pagefind> {
  // A URL built at run time, so the bundler leaves this import for the browser.
  pagefind ??= import(/* @vite-ignore */ new URL(INDEX_URL, location.origin).href) as Promise<Pagefind>;
  return pagefind;
}

/** Pagefind's excerpt marks matches with <mark>; keep only that, as text and marks. */
function excerptNodes(excerpt: string): Node[] {
  const nodes: Node[] = [];
  for (const [i, piece] of excerpt.split(/<\/?mark>/).entries()) {
    const text = document.createTextNode(new DOMParser().parseFromString(piece, 'text/html').body.textContent ?? '');
    if (i % 2 === 1) {
      const mark = document.createElement('mark');
      mark.append(text);
      nodes.push(mark);
    } else nodes.push(text);
  }
  return nodes;
}

class SiteSearch extends HTMLElement {
  #query = 0;

  connectedCallback(): void {
    const input = this.querySelector('input')!;
    const panel = this.querySelector<HTMLElement>('[data-part="panel"]')!;
    const status = this.querySelector<HTMLElement>('[data-part="status"]')!;
    const list = this.querySelector<HTMLOListElement>('[data-part="results"]')!;

    input.addEventListener('focus', () => void loadPagefind().catch(() => undefined), { once: true });
    input.addEventListener('input', () => void this.#search(input.value, panel, status, list));
    input.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') {
        input.value = '';
        panel.hidden = true;
      }
    });
    this.addEventListener('focusout', (event) => {
      if (!this.contains(event.relatedTarget as Node | null)) panel.hidden = true;
    });
    document.addEventListener('keydown', (event) => {
      if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey) return;
      const target = event.target as HTMLElement | null;
      if (target?.closest('input, textarea, select, [contenteditable="true"], .monaco-editor')) return;
      event.preventDefault();
      input.focus();
    });
    this.hidden = false;
  }

  async #search(query: string, panel: HTMLElement, status: HTMLElement, list: HTMLOListElement): Promise<void> {
    const ticket = ++this.#query;
    const trimmed = query.trim();
    if (trimmed.length < 2) {
      panel.hidden = true;
      return;
    }
    panel.hidden = false;
    status.textContent = 'Searching…';
    try {
      const engine = await loadPagefind();
      const { results } = await engine.search(trimmed);
      const pages = await Promise.all(results.slice(0, MAX_RESULTS).map((r) => r.data()));
      if (ticket !== this.#query) return; // a newer query has started
      list.replaceChildren(
        ...pages.map((page) => {
          const item = document.createElement('li');
          const link = document.createElement('a');
          link.href = page.url;
          link.textContent = page.meta.title ?? page.url;
          const excerpt = document.createElement('p');
          excerpt.append(...excerptNodes(page.excerpt));
          item.append(link, excerpt);
          return item;
        }),
      );
      status.textContent =
        results.length === 0 ? `No lesson mentions “${trimmed}”.` : `${results.length} lesson${results.length === 1 ? '' : 's'} found.`;
    } catch {
      if (ticket !== this.#query) return;
      list.replaceChildren();
      status.textContent = 'Search is not available here (the index is built with the site). The course map lists every lesson.';
    }
  }
}

customElements.define('site-search', SiteSearch);
