import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { saveAnswers, type AnswerValue } from './api.ts';
import { ApiError } from '../../api/client.ts';
import type { Answer } from '../../../../src/contracts/diagnosis.ts';
import { staleDetails } from '../../components/stale-version.ts';
import type { Pick as MergePick } from '../../components/stale-version.ts';

export type SaveState = 'idle' | 'saving' | 'saved' | 'error';

/** The version of each answer of the batch (0: none known here, i.e. there was no answer). */
function versionsOf(known: Readonly<Record<string, number>>, batch: Record<string, unknown>) {
  return Object.fromEntries(Object.keys(batch).map((id) => [id, known[id] ?? 0]));
}

/** Answers someone else changed since they were loaded here: mine (not stored) beside theirs, to pick. */
export interface StaleAnswers {
  items: { itemId: string; mine: AnswerValue | null; theirs: AnswerValue | null; version: number }[];
}

/**
 * Answers edited locally and saved in batches shortly after the last change. A refused batch keeps the values on
 * screen and names the items the server refused; nothing of that batch is stored (the server is all-or-nothing).
 * Each save sends the version of every answer it changes (as loaded, or as the last save here left it): an answer
 * someone else changed since is refused (409 stale_version) and offered in `stale`, mine beside theirs, to resolve.
 */
export function useAutosave(
  assessmentId: string,
  delay = 700,
  /** their answer taken (Reload, or picked in a merge): show it */
  onTheirs?: (itemId: string, value: AnswerValue | null) => void,
) {
  const qc = useQueryClient();
  const pending = useRef<Record<string, AnswerValue | null>>({});
  const versions = useRef<Record<string, number>>({});
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const inflight = useRef<Promise<void> | null>(null);
  const [state, setState] = useState<SaveState>('idle');
  const [error, setError] = useState<string | null>(null);
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [stale, setStale] = useState<StaleAnswers | null>(null);

  /** The versions of the answers as read from the server (items with an edit on its way keep theirs). */
  const known = useCallback((answers: readonly Pick<Answer, 'itemId' | 'version'>[]) => {
    for (const a of answers) if (!(a.itemId in pending.current)) versions.current[a.itemId] = a.version;
  }, []);

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
        const saved = await saveAnswers(assessmentId, batch, versionsOf(versions.current, batch));
        Object.assign(versions.current, saved.versions);
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
        const conflict = staleDetails<{ answers: Answer[] }>(err);
        const list =
          err instanceof ApiError
            ? ((err.details as { problems?: { itemId: string; message: string }[] } | null)?.problems ?? [])
            : [];
        const held = new Set([...list.map((p) => p.itemId), ...(conflict?.changed ?? [])]);
        if (conflict) {
          setState('idle');
          const theirs = new Map(conflict.current.answers.map((a) => [a.itemId, a]));
          setStale((old) => ({
            items: [
              ...(old?.items ?? []).filter((i) => !conflict.changed.includes(i.itemId)),
              ...conflict.changed.map((itemId) => ({
                itemId,
                mine: batch[itemId] ?? null,
                theirs: theirs.get(itemId)?.value ?? null,
                version: theirs.get(itemId)?.version ?? 0,
              })),
            ],
          }));
        } else {
          setState('error');
          setError(err instanceof Error ? err.message : String(err));
          setProblems(Object.fromEntries(list.map((p) => [p.itemId, p.message])));
        }
        // keep the other values of the refused batch for the next save
        for (const [id, v] of Object.entries(batch))
          if (!held.has(id) && !(id in pending.current)) pending.current[id] = v;
        if (conflict && Object.keys(pending.current).length > 0)
          timer.current = setTimeout(() => void flush(), delay);
      }
    })();
    inflight.current = run;
    await run;
    inflight.current = null;
  }, [assessmentId, qc, delay]);

  const change = useCallback(
    (itemId: string, value: AnswerValue | null) => {
      pending.current[itemId] = value;
      setState('saving');
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => void flush(), delay);
    },
    [flush, delay],
  );

  /** Resolve the stale answers: each picked mine is saved over theirs, the others show theirs. */
  const resolve = useCallback(
    (picks: Record<string, MergePick>) => {
      if (!stale) return;
      for (const item of stale.items) {
        versions.current[item.itemId] = item.version;
        if (picks[item.itemId] === 'mine') change(item.itemId, item.mine);
        else onTheirs?.(item.itemId, item.theirs);
      }
      setStale(null);
    },
    [stale, change, onTheirs],
  );

  // save what is left when the page goes away
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
      const batch = pending.current;
      if (Object.keys(batch).length > 0)
        void saveAnswers(assessmentId, batch, versionsOf(versions.current, batch)).catch(() => undefined);
    },
    [assessmentId],
  );

  return { change, flush, state, error, problems, known, stale, resolve };
}
