import { useCallback } from 'react';
import { useModels, type AssessmentSummary } from './api.ts';
import { useText } from './diagnose-ui.ts';

/**
 * The level an assessment reached, named in the UI language. Stored results name their level in Chinese (the name
 * frozen at submission), so the level is looked up by id in the model; while the models load, or for a level the
 * model no longer has, the stored name is shown. Null when the assessment reached no level.
 */
export function useLevelName(): (a: Pick<AssessmentSummary, 'modelId' | 'level'>) => string | null {
  const { tx } = useText();
  const models = useModels();
  return useCallback(
    (a) => {
      if (!a.level) return null;
      const id = a.level.id;
      const level = models.data?.find((m) => m.id === a.modelId)?.levels.find((l) => l.id === id);
      return level ? tx(level.name) : a.level.name;
    },
    [models.data, tx],
  );
}
