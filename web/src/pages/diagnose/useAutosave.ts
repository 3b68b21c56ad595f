import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { saveAnswers, type AnswerValue } from '../../api/diagnose.ts';
import { ApiError } from '../../api/client.ts';

export type SaveState = 'idle' | 'saving' | 'saved' | 'error';

/**
 * Answers edited locally and saved in batches shortly after the last change. A refused batch keeps the values on
 * screen and names the items the server refused; nothing of that batch is stored (the server is all-or-nothing).
 */
export function useAutosave(assessmentId: string, delay = 700) {
  const qc = useQueryClient();
  const pending = useRef<Record<string, AnswerValue | null>>({});
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const inflight = useRef<Promise<void> | null>(null);
  const [state, setState] = useState<SaveState>('idle');
  const [error, setError] = useState<string | null>(null);
  const [problems, setProblems] = useState<Record<string, string>>({});

  const flush = useCallback(async (): Promise<void> => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    if (inflight.current) await inflight.current;
    const batch = pending.current;
    if (Object.keys(batch).length === 0) return;
    pending.current = {};
    setState('saving');
    const run = (async () => {
      try {
        await saveAnswers(assessmentId, batch);
        setState('saved');
        setError(null);
        setProblems((old) => {
          const next = { ...old };
          for (const id of Object.keys(batch)) delete next[id];
          return next;
        });
        void qc.invalidateQueries({ queryKey: ['diagnose', 'result', assessmentId] });
        void qc.invalidateQueries({ queryKey: ['diagnose', 'assessments'] });
      } catch (err) {
        setState('error');
        setError(err instanceof Error ? err.message : String(err));
        const list =
          err instanceof ApiError
            ? ((err.details as { problems?: { itemId: string; message: string }[] } | null)?.problems ?? [])
            : [];
        setProblems(Object.fromEntries(list.map((p) => [p.itemId, p.message])));
        // keep the good values of the refused batch for the next save
        for (const [id, v] of Object.entries(batch))
          if (!list.some((p) => p.itemId === id) && !(id in pending.current)) pending.current[id] = v;
      }
    })();
    inflight.current = run;
    await run;
    inflight.current = null;
  }, [assessmentId, qc]);

  const change = useCallback(
    (itemId: string, value: AnswerValue | null) => {
      pending.current[itemId] = value;
      setState('saving');
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => void flush(), delay);
    },
    [flush, delay],
  );

  // save what is left when the page goes away
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
      const batch = pending.current;
      if (Object.keys(batch).length > 0) void saveAnswers(assessmentId, batch).catch(() => undefined);
    },
    [assessmentId],
  );

  return { change, flush, state, error, problems };
}
