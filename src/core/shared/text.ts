import { z } from 'zod';

/** A bilingual label: Chinese first (the guide's own words), English second. */
export const LocalizedText = z.strictObject({
  zh: z.string().trim().min(1, 'zh text must not be empty'),
  en: z.string().trim().min(1, 'en text must not be empty'),
});
export type LocalizedText = z.infer<typeof LocalizedText>;

/** Where a piece of content comes from: the guide section or another public source. */
export const Citation = z.strictObject({
  source: z.string().trim().min(1),
  section: z.string().trim().min(1),
  note: z.string().trim().min(1).optional(),
});
export type Citation = z.infer<typeof Citation>;
