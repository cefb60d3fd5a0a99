import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { lessonSchema } from './site/schemas/lesson.ts';
import { partSchema } from './site/schemas/part.ts';
import { parseLessonPath, parsePartPath } from './site/course-path.ts';

/** `content/NN-part/NN-lesson/index.mdx`; the id keeps the NN- prefixes, which give the order. */
const lessons = defineCollection({
  loader: glob({
    base: './content',
    pattern: '*/*/index.mdx',
    generateId: ({ entry }) => parseLessonPath(entry).lessonId,
  }),
  schema: lessonSchema,
});

/** `content/NN-part/part.json`. */
const parts = defineCollection({
  loader: glob({
    base: './content',
    pattern: '*/part.json',
    generateId: ({ entry }) => parsePartPath(entry),
  }),
  schema: partSchema,
});

export const collections = { lessons, parts };
