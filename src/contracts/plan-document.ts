import { z } from 'zod';
import { RecordVersion, VersionField } from './versioning.ts';

/**
 * Request and response shapes of the plan document API (/api/plans/:id/document): the sections of the 转型规划方案
 * with their pre-filled and edited texts. The web app imports these as types only.
 */

export const PlanDocumentSectionView = z.object({
  id: z.string(),
  /** Heading as printed, e.g. 一、目标愿景 */
  title: z.string(),
  /** The text made from the plan and its roadmap. */
  prefilled: z.string(),
  /** The text printed: the stored edit when there is one, else the pre-filled text. */
  text: z.string(),
  edited: z.boolean(),
});
export type PlanDocumentSectionView = z.infer<typeof PlanDocumentSectionView>;

export const PlanDocumentView = z.object({
  /** True when the plan has a current roadmap and the document can be downloaded. */
  ready: z.boolean(),
  /** Why it cannot yet: never optimised, or changed since the last optimisation. */
  blocked: z.enum(['not_solved', 'stale']).nullable(),
  sections: z.array(PlanDocumentSectionView),
  /** the plan's version (the document is part of the plan): send it with the next save */
  version: RecordVersion,
});
export type PlanDocumentView = z.infer<typeof PlanDocumentView>;

/**
 * Section id → text, for the language of the request (?lang=zh|en), and the plan version edited (required). Only the
 * sections sent change: a section left out keeps its stored text (two people editing different sections both keep
 * their change), one sent empty or with its pre-filled text prints the pre-filled text again. A section someone else
 * changed since that version answers 409 stale_version.
 */
export const SavePlanDocument = VersionField.extend({ edits: z.record(z.string(), z.string()) });
export type SavePlanDocument = z.infer<typeof SavePlanDocument>;
