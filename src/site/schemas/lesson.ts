import { z } from 'astro/zod';

/**
 * What a lesson can need from the reader's browser. A lesson that needs
 * something the browser lacks still renders; its runnable parts explain why
 * they cannot run.
 */
export const lessonNeed = z.enum([
  /** Web Workers: every runnable snippet. */
  'workers',
  /** SharedArrayBuffer and Atomics: needs a cross-origin isolated page. */
  'shared-memory',
  /** More than one core, to see parallel speed-up rather than only concurrency. */
  'multiple-cores',
]);

/** Front matter of a lesson: `content/NN-part/NN-lesson/index.mdx`. */
export const lessonSchema = z.object({
  /** The lesson's title, as shown in the page heading, the sidebar and the course map. */
  title: z.string().min(1),
  /** One or two sentences for the course map and the page's meta description. */
  summary: z.string().min(1),
  /**
   * Position within its part. Leave it out: the `NN-` prefix of the lesson's
   * folder gives the order. Set it only to override that prefix.
   */
  order: z.number().int().positive().optional(),
  /** What the reader will be able to do afterwards; each starts with a verb. */
  objectives: z.array(z.string().min(1)).min(1),
  /** Estimated minutes to read the lesson and run its snippets. */
  minutes: z.number().int().positive(),
  /** What the lesson's runnable parts need from the browser (see `lessonNeed`). */
  needs: z.array(lessonNeed).default(['workers']),
});

export type LessonData = z.infer<typeof lessonSchema>;
