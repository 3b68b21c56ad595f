import type { AtlasCatalog } from '../../core/atlas/types.ts';
import { estimateOnModels } from '../../core/mapping/estimate.ts';
import type { ModelMapping } from '../../core/mapping/mapping-schema.ts';
import type { OtherModelsResponse } from '../../contracts/model-mapping.ts';
import type { Db } from '../../db/client.ts';
import { diagnoseAssessment } from '../assessments/diagnose-assessment.ts';
import type { IndicatorSystemCatalog } from '../assessments/indicator-system-index.ts';
import type { LoadedAssessment } from '../assessments/load-assessment.ts';

/**
 * The estimated standing of one assessment on every other model the mapping links: its diagnosis (live for a draft,
 * frozen once submitted, through the assessments feature's use case), then the crosswalk estimate. An assessment of a
 * model the mapping does not link gets an empty list.
 */
export async function estimateOtherModels(
  db: Db,
  atlases: AtlasCatalog,
  systems: IndicatorSystemCatalog,
  mapping: ModelMapping,
  loaded: LoadedAssessment,
): Promise<OtherModelsResponse> {
  const { live, result } = await diagnoseAssessment(db, atlases, loaded);
  const model = loaded.index.model;
  const linked = mapping.meta.models.includes(model.meta.id);
  const estimates = linked ? estimateOnModels(mapping, { model, result }, systems).estimates : [];
  return {
    estimate: true,
    live,
    source: { id: model.meta.id, version: model.meta.version },
    mapping: { id: mapping.meta.id, version: mapping.meta.version, title: mapping.meta.title },
    estimates,
  };
}
