import { BAND_WORDS, BANDS } from '../../../../src/contracts/planning.ts';

/** The risk band words of one language, from the contract's one scale (the plan document prints the same). */
export function bandWords(lang: 'zh' | 'en'): Record<(typeof BANDS)[number], string> {
  return Object.fromEntries(BANDS.map((band) => [band, BAND_WORDS[band][lang]])) as Record<
    (typeof BANDS)[number],
    string
  >;
}
