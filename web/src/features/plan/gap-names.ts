import { useQuery } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import type { ZhText } from '../../../../src/core/shared/text.ts';
import { api } from '../../api/client.ts';
import { useModel, type AssessmentDetail } from '../diagnose/api.ts';
import { useText } from '../diagnose/diagnose-ui.ts';
import { itemTexts } from '../diagnose/form-items.ts';

/**
 * A diagnosis gap's name in the UI language. A plan's candidates keep the gap as the result named it (the indicator
 * system's Chinese item name, such as 工艺设计); the plan's assessment's indicator system gives its English. Until it
 * has loaded, or for a gap it does not know, the stored name.
 */
export function useGapName(assessmentId: string | null): (ref: string) => string {
  const { tx } = useText();
  const detail = useQuery({
    queryKey: ['plan-gap-names', assessmentId],
    queryFn: () => api<AssessmentDetail>(`/api/assessments/${encodeURIComponent(assessmentId ?? '')}`),
    enabled: assessmentId !== null,
    retry: false,
    staleTime: 600_000,
  });
  const model = useModel(detail.data?.assessment.modelId);
  const names = useMemo(() => {
    const byName = new Map<string, ZhText>();
    if (!model.data) return byName;
    for (const [id, text] of itemTexts(model.data.model)) {
      byName.set(id, text);
      byName.set(text.zh, text);
    }
    return byName;
  }, [model.data]);
  return useCallback((ref: string) => tx(names.get(ref)) || ref, [names, tx]);
}
