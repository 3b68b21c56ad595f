/** The parts of a scenario code INDUSTRY[.SEGMENT]-CATEGORY-NN (see ScenarioCode in pack-schema.ts). */
export interface ScenarioCodeParts {
  industry: string;
  segment?: string;
  category: string;
  sequence: string;
}

const CODE = /^([A-Z]{2,5})(?:\.([A-Z0-9]{1,6}))?-([A-Z]{2})-(\d{2,3})$/;

export function parseScenarioCode(code: string): ScenarioCodeParts | undefined {
  const m = CODE.exec(code);
  if (!m) return undefined;
  const [, industry, segment, category, sequence] = m;
  if (!industry || !category || !sequence) return undefined;
  return segment ? { industry, segment, category, sequence } : { industry, category, sequence };
}
