import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  Answer,
  AnswerProblem,
  AnswerValue,
  AssessmentDetail,
  AssessmentMode,
  AssessmentSummary,
  AssignableMember,
  Assignment,
  CreateAssessment,
  Evidence,
  ImportResult,
  IndicatorSystemDetail,
  IndicatorSystemSummary,
  ResultResponse,
  SaveAnswersResult,
  SaveAssignments,
  Section,
  Verify,
} from '../../../../src/contracts/diagnosis.ts';
import type { OtherModelsResponse } from '../../../../src/contracts/model-mapping.ts';
import type { IndicatorSystem } from '../../../../src/core/diagnosis/model-schema.ts';
import { api, ApiError } from '../../api/client.ts';

export type {
  Answer,
  AnswerProblem,
  AnswerValue,
  AssessmentDetail,
  AssessmentMode,
  AssessmentSummary,
  AssignableMember,
  Assignment,
  Evidence,
  IndicatorSystem,
  IndicatorSystemSummary,
  ResultResponse,
  Section,
};

/** One section assignment as the form saves it: a respondent role, optionally a named member. */
export type AssignmentInput = SaveAssignments['assignments'][number];

/**
 * GET /api/models/:id: the contract's IndicatorSystemDetail, whose `model` the contract leaves open (any field beside
 * `family`), read as the engine's IndicatorSystem that the server sends.
 */
export type ModelDetail = Omit<z.infer<typeof IndicatorSystemDetail>, 'model'> & { model: IndicatorSystem };

/**
 * A verification as the form sends it (PUT …/answers/:itemId/verification, the contract's Verify): a correction
 * without a value is the server's to refuse (400), which the form shows.
 */
export interface VerifyRequest {
  itemId: string;
  verification: Verify['verification'];
  value?: AnswerValue;
  reason: string;
}

const keys = {
  models: ['diagnose', 'models'] as const,
  model: (id: string) => ['diagnose', 'model', id] as const,
  list: ['diagnose', 'assessments'] as const,
  one: (id: string) => ['diagnose', 'assessment', id] as const,
  result: (id: string) => ['diagnose', 'result', id] as const,
};

export const useModels = () =>
  useQuery({
    queryKey: keys.models,
    queryFn: () => api<IndicatorSystemSummary[]>('/api/models'),
    staleTime: 600_000,
  });

export const useModel = (id: string | undefined) =>
  useQuery({
    queryKey: keys.model(id ?? ''),
    queryFn: () => api<ModelDetail>(`/api/models/${encodeURIComponent(id ?? '')}`),
    enabled: id !== undefined,
    staleTime: 600_000,
  });

/** The list's filters (GET /api/assessments' query): title text, status, indicator system, year. */
export interface AssessmentFilter {
  q?: string;
  status?: AssessmentSummary['status'];
  modelId?: string;
  year?: number;
}

const filterQuery = (filter: AssessmentFilter): string => {
  const params = new URLSearchParams();
  if (filter.q) params.set('q', filter.q);
  if (filter.status) params.set('status', filter.status);
  if (filter.modelId) params.set('modelId', filter.modelId);
  if (filter.year !== undefined) params.set('year', String(filter.year));
  const query = params.toString();
  return query ? `?${query}` : '';
};

/** The organisation's assessments, newest first; filtered by the server when a filter is given. */
export const useAssessments = (filter: AssessmentFilter = {}) =>
  useQuery({
    queryKey: [...keys.list, filterQuery(filter)],
    queryFn: () => api<AssessmentSummary[]>(`/api/assessments${filterQuery(filter)}`),
    placeholderData: keepPreviousData,
  });

/** Delete a draft (DELETE /api/assessments/:id; 409 assessment_submitted for a submitted one). */
export function useDeleteAssessment() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<void>(`/api/assessments/${id}`, { method: 'DELETE' }),
    onSuccess: () => qc.invalidateQueries({ queryKey: keys.list }),
  });
}

export const useAssessment = (id: string) =>
  useQuery({
    queryKey: keys.one(id),
    queryFn: () => api<AssessmentDetail>(`/api/assessments/${id}`),
    retry: (count, err) => !(err instanceof ApiError && err.status === 404) && count < 2,
  });

export const useResult = (id: string) =>
  useQuery({
    queryKey: keys.result(id),
    queryFn: () => api<ResultResponse>(`/api/assessments/${id}/result`),
    retry: (count, err) => !(err instanceof ApiError && err.status === 404) && count < 2,
  });

/** The estimated standing on the other models of the crosswalk (refreshed with the result: its key is below it). */
export const useOtherModels = (id: string) =>
  useQuery({
    queryKey: [...keys.result(id), 'other-models'] as const,
    queryFn: () => api<OtherModelsResponse>(`/api/assessments/${id}/other-models`),
  });
export type { OtherModelsResponse };

/** Refresh everything shown about an assessment after a change. */
function useInvalidate(id: string) {
  const qc = useQueryClient();
  return () =>
    Promise.all([
      qc.invalidateQueries({ queryKey: keys.one(id) }),
      qc.invalidateQueries({ queryKey: keys.result(id) }),
      qc.invalidateQueries({ queryKey: keys.list }),
    ]);
}

export function useCreateAssessment() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateAssessment) =>
      api<AssessmentSummary>('/api/assessments', { method: 'POST', body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: keys.list }),
  });
}

/**
 * Autosave: the answers changed and, per item, the version of the answer they change (0 or left out: there was
 * none). 409 stale_version names the items someone else changed since; nothing of the batch is stored then.
 */
export function saveAnswers(
  id: string,
  answers: Record<string, AnswerValue | null>,
  versions: Record<string, number>,
) {
  return api<z.infer<typeof SaveAnswersResult>>(`/api/assessments/${id}/answers`, {
    method: 'PUT',
    body: { answers, versions },
  });
}

export function useAssessmentActions(id: string) {
  const invalidate = useInvalidate(id);
  const after = { onSuccess: () => invalidate() };
  return {
    invalidate,
    submit: useMutation({
      mutationFn: () => api<AssessmentSummary>(`/api/assessments/${id}/submit`, { method: 'POST' }),
      ...after,
    }),
    reopen: useMutation({
      mutationFn: (reason: string) =>
        api<AssessmentSummary>(`/api/assessments/${id}/reopen`, { method: 'POST', body: { reason } }),
      ...after,
    }),
    verify: useMutation({
      mutationFn: (v: VerifyRequest) =>
        api<void>(`/api/assessments/${id}/answers/${encodeURIComponent(v.itemId)}/verification`, {
          method: 'PUT',
          body: {
            verification: v.verification,
            reason: v.reason,
            ...(v.value !== undefined ? { value: v.value } : {}),
          },
        }),
      ...after,
    }),
    assign: useMutation({
      mutationFn: ({ assignments, version }: { assignments: AssignmentInput[]; version: number }) =>
        api<void>(`/api/assessments/${id}/assignments`, {
          method: 'PUT',
          body: { assignments, version },
        }),
      ...after,
    }),
    uploadEvidence: useMutation({
      mutationFn: ({ itemId, file }: { itemId: string; file: File }) =>
        upload<Evidence>(
          `/api/assessments/${id}/evidence?itemId=${encodeURIComponent(itemId)}&fileName=${encodeURIComponent(file.name)}&mediaType=${encodeURIComponent(file.type)}`,
          file,
        ),
      ...after,
    }),
    removeEvidence: useMutation({
      mutationFn: (evidenceId: string) =>
        api<void>(`/api/assessments/${id}/evidence/${evidenceId}`, { method: 'DELETE' }),
      ...after,
    }),
    importSheet: useMutation({
      mutationFn: (file: File) =>
        upload<z.infer<typeof ImportResult>>(
          `/api/assessments/${id}/import?fileName=${encodeURIComponent(file.name)}`,
          file,
        ),
      ...after,
    }),
  };
}

import { upload } from '../../api/client.ts';
export { upload };

/** Problems listed in an API error's details (answers or sheet import). */
export function errorProblems(err: unknown): { where: string; message: string }[] {
  if (!(err instanceof ApiError)) return [];
  const details = err.details as { problems?: unknown[] } | null;
  if (!details || !Array.isArray(details.problems)) return [];
  return details.problems.map((p) => {
    const o = p as {
      itemId?: string;
      question?: string;
      sheet?: string;
      row?: number | null;
      message?: string;
    };
    const where = [o.sheet, o.row != null ? `#${o.row}` : '', o.question ?? o.itemId ?? '']
      .filter((s) => s !== undefined && s !== '')
      .join(' ');
    return { where, message: o.message ?? '' };
  });
}
