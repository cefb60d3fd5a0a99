/**
 * Shows saved progress wherever lessons are listed (the sidebar, the course
 * map): a tick and the words "completed" on each complete lesson. On a lesson
 * page it also records how many exercises the lesson has, which is what
 * "complete" is measured against.
 */
import { browserStore } from '../playground/storage.ts';
import { ProgressStore, isComplete } from './progress-store.ts';
import { lessonPath } from './lesson-path.ts';

const store = new ProgressStore(browserStore());

function recordExerciseCount(): void {
  const total = document.querySelectorAll('[data-exercise]').length;
  if (total > 0 && store.load().lessons[lessonPath()]?.total !== total) store.setTotal(lessonPath(), total);
}

export function renderProgressMarks(): void {
  const progress = store.load();
  for (const link of document.querySelectorAll<HTMLAnchorElement>('a[data-lesson-link]')) {
    const path = lessonPath(new URL(link.href).pathname);
    const done = isComplete(progress.lessons[path]);
    link.dataset.complete = String(done);
    let mark = link.querySelector<HTMLElement>('.progress-mark');
    if (done && !mark) {
      mark = document.createElement('span');
      mark.className = 'progress-mark';
      mark.innerHTML = '<span aria-hidden="true"> ✓</span><span class="visually-hidden"> (completed)</span>';
      link.append(mark);
    } else if (!done && mark) {
      mark.remove();
    }
  }
  const summary = document.querySelector<HTMLElement>('[data-progress-summary]');
  if (summary) {
    const lessons = document.querySelectorAll('a[data-lesson-link]').length;
    const complete = document.querySelectorAll('a[data-lesson-link][data-complete="true"]').length;
    summary.textContent = `${complete} of ${lessons} lessons complete.`;
  }
}

// Not needed for the first paint: done when the browser is idle, so it adds nothing to the load.
const whenIdle = (work: () => void): void => {
  if ('requestIdleCallback' in window) requestIdleCallback(work, { timeout: 2000 });
  else setTimeout(work, 200);
};
whenIdle(() => {
  recordExerciseCount();
  renderProgressMarks();
});
document.addEventListener('progress-changed', renderProgressMarks);
// Another tab finished an exercise.
window.addEventListener('storage', (event) => {
  if (event.key === 'racecourse:progress') renderProgressMarks();
});
