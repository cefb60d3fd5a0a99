import { z } from 'astro/zod';

/** A part groups lessons: `content/NN-part/part.json`. */
export const partSchema = z.object({
  /** The part's title, as shown on the course map and in the sidebar. */
  title: z.string().min(1),
  /** One sentence saying what the part covers, for the course map. */
  summary: z.string().min(1),
  /** What every lesson of the part needs from the browser; lessons add their own. */
  needs: z.array(z.enum(['workers', 'shared-memory', 'multiple-cores'])).default([]),
});

export type PartData = z.infer<typeof partSchema>;
