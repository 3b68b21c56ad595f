/** The grading model as the provider's profile form shows it: its questions, form sections, and the computed ones. */
import { computedQuestionIds } from '../../core/providers/work-outcomes.ts';
import type { GradingModelView } from '../../contracts/providers.ts';
import { indicatorSystemIndex } from '../assessments/indicator-system-index.ts';
import type { ProviderDeps } from './deps.ts';

export function gradingModelView(deps: Pick<ProviderDeps, 'packs'>): GradingModelView {
  const index = indicatorSystemIndex(deps.packs.grading);
  // plain data, as GET /api/models/:id sends it; the web reads it as IndicatorSystem
  const model = index.model as unknown as GradingModelView['model'];
  return { summary: index.summary, model, sections: index.sections, computed: computedQuestionIds() };
}
