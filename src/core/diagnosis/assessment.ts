/**
 * An Assessment: one enterprise's answers to one indicator system, as filled in a form or sheet.
 *   points    — answers: {question id: "B" | ["B","C"] | 35 | {numerator field: n, denominator field: d}}, scenes: {scene: 0–4}
 *   staged    — answers: {requirement id: 0 | 0.5 | 0.8 | 1}, weightTable, notApplicable: [sub-domain ids]
 *   checklist — answers: {item id: "met" | "partly" | "not" | "na"}
 */
export type AnswerValue = string | string[] | number | Record<string, number>;

export interface Assessment {
  model: string;
  version?: string;
  answers: Record<string, AnswerValue>;
  scenes?: Record<string, number>;
  weightTable?: string;
  notApplicable?: string[];
}

/** A problem with one answer; the CLI adds file, sheet and row. */
export interface AnswerProblem {
  itemId: string;
  message: string;
}
