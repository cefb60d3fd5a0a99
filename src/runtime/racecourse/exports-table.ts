import * as api from './index.ts';

/**
 * Every export of the racecourse module by name: what a snippet's
 * `import … from "racecourse"` resolves to, and the globals of a task.
 * Taken from the barrel itself, so a new export cannot be forgotten here.
 * Kept out of index.ts so the module's declared surface is only its API.
 * A function, because `cores` is the run's: read it once the run has set it.
 */
export function racecourseExports(): Readonly<Record<string, unknown>> {
  return Object.freeze({ ...api });
}
