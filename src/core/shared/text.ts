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

/** A text that is always in Chinese and has English when it has been translated (pack content such as prompts). */
export interface ZhText {
  zh: string;
  en?: string | undefined;
}

const ZhTextObject = z.strictObject(
  {
    zh: z
      .string({ error: (iss) => (iss.input === undefined ? 'zh text is required' : undefined) })
      .trim()
      .min(1, 'zh text must not be empty'),
    en: z.string().trim().min(1, 'en text must not be empty').optional(),
  },
  {
    error: (iss) =>
      iss.code === 'invalid_type'
        ? iss.input === undefined
          ? 'text is required'
          : 'expected a text: a string (Chinese) or { zh, en }'
        : undefined,
  },
);

/**
 * A pack text: either a plain string, which means Chinese only (older and third-party packs), or `{ zh, en }` with
 * English optional. Both parse to the one shape `{ zh, en? }`, so code after the schema never sees a plain string.
 */
export const ZhText: z.ZodType<ZhText, unknown> = z.preprocess(
  (v) => (typeof v === 'string' ? { zh: v } : v),
  ZhTextObject,
);

/** A text in `lang`, falling back to Chinese when it has no English. */
export function textIn(text: ZhText | LocalizedText, lang: 'zh' | 'en'): string {
  return lang === 'en' ? (text.en ?? text.zh) : text.zh;
}
