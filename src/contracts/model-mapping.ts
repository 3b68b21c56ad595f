import { z } from 'zod';
import type { CrossModelEstimate } from '../core/mapping/estimate.ts';

/**
 * The estimated standing of one assessment on the other indicator systems a mapping pack links
 * (`GET /api/assessments/:id/other-models`). Every figure is an estimate from the crosswalk, never a diagnosis of
 * that model: `estimate: true` on the wire says so, and the web marks it 估计 / estimate.
 */
const Text = z.object({ zh: z.string(), en: z.string() });
const Kind = z.enum(['item', 'scene']);
const SourceItem = z.object({ id: z.string(), kind: Kind, name: Text, fraction: z.number().min(0).max(1) });
export const ItemEstimate = z.object({
  id: z.string(),
  kind: Kind,
  name: Text,
  fraction: z.number().min(0).max(1),
  via: z.array(z.object({ concept: z.string(), name: Text, from: z.array(SourceItem) })),
});
export const ModelEstimate = z.object({
  model: z.object({ id: z.string(), version: z.string() }),
  title: Text,
  family: z.enum(['points', 'staged', 'checklist']),
  fraction: z.number().min(0).max(1).nullable(),
  level: z.object({ id: z.string(), name: Text }).nullable(),
  levelBasis: z.enum(['staged-s', 'score', 'none']),
  gatesIgnored: z.boolean(),
  coverage: z.object({ covered: z.number().int().min(0), total: z.number().int().min(0) }),
  items: z.array(ItemEstimate),
});
export type ModelEstimate = z.infer<typeof ModelEstimate>;
export const OtherModelsResponse = z.object({
  estimate: z.literal(true),
  /** whether the source result is live (a draft's answers) or frozen (submitted) */
  live: z.boolean(),
  source: z.object({ id: z.string(), version: z.string() }),
  mapping: z.object({ id: z.string(), version: z.string(), title: Text }),
  estimates: z.array(ModelEstimate),
});
export type OtherModelsResponse = z.infer<typeof OtherModelsResponse>;

/** The engine's estimate and the wire's agree (checked by the compiler). */
export type EngineEstimatesFit = CrossModelEstimate['estimates'][number] extends ModelEstimate ? true : never;
