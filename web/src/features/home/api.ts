import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreateAssessment } from '../../../../src/contracts/diagnosis.ts';
import type {
  ClientAssessmentStarted,
  EnterpriseImportResult,
  Portfolio,
  PortfolioResultView,
  ResultSharing,
} from '../../../../src/contracts/portfolio.ts';
import { api } from '../../api/client.ts';
import { upload } from '../diagnose/api.ts';

export type {
  ClientAssessmentStarted,
  EnterpriseImportProblem,
  EnterpriseImportResult,
  IndicatorSystemDistribution,
  Portfolio,
  PortfolioAssessment,
  PortfolioEnterprise,
  PortfolioPlan,
  PortfolioResultView,
  ResultSharing,
} from '../../../../src/contracts/portfolio.ts';

/**
 * The enterprises the signed-in member of a provider, authority, association or the platform looks after (for its
 * administrators the organisation's own enterprises, for everyone those they were invited into), those whose name
 * contains `q`; the previous answer stays shown while a new search loads.
 */
export const usePortfolio = (q: string, enabled: boolean) =>
  useQuery({
    queryKey: ['portfolio', q],
    queryFn: () => api<Portfolio>(`/api/portfolio${q ? `?q=${encodeURIComponent(q)}` : ''}`),
    enabled,
    placeholderData: keepPreviousData,
  });

/**
 * Where the portfolio workbook downloads from (GET /api/portfolio.xlsx): the same name search, in the UI's language;
 * the browser follows the link and the server names the file.
 */
export const portfolioWorkbookUrl = (q: string, lang: 'zh' | 'en') =>
  `/api/portfolio.xlsx?lang=${lang}${q ? `&q=${encodeURIComponent(q)}` : ''}`;

/**
 * Start an assessment of a portfolio enterprise while acting for one's own organisation
 * (POST /api/portfolio/assessments); the portfolio is refreshed to show it as the latest.
 */
export function useStartClientAssessment(enterpriseId: string | undefined) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateAssessment) =>
      api<ClientAssessmentStarted>('/api/portfolio/assessments', {
        method: 'POST',
        body: { ...body, enterpriseId },
      }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['portfolio'] }),
  });
}

/** Where the blank enterprise workbook downloads from, in the UI's language. */
export const enterpriseTemplateUrl = (lang: 'zh' | 'en') =>
  `/api/portfolio/enterprises-template.xlsx?lang=${lang}`;

/** Create enterprises from a filled workbook (POST /api/portfolio/enterprises.xlsx): all or none. */
export function useImportEnterprises() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (file: Blob) => upload<EnterpriseImportResult>('/api/portfolio/enterprises.xlsx', file),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['portfolio'] }),
  });
}

/** Whether the enterprise shares its latest result with its pilot authority, and the history (GET /api/result-sharing). */
export const useResultSharing = (enabled: boolean) =>
  useQuery({
    queryKey: ['result-sharing'],
    queryFn: () => api<ResultSharing>('/api/result-sharing'),
    enabled,
  });

/** Share with the authority, or withdraw (PUT /api/result-sharing; administrators of the enterprise). */
export function useSetResultSharing() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (shared: boolean) =>
      api<ResultSharing>('/api/result-sharing', { method: 'PUT', body: { shared } }),
    onSuccess: (data) => qc.setQueryData(['result-sharing'], data),
  });
}

/** An enterprise's latest submitted result, read-only, from the portfolio (GET /api/portfolio/result). */
export const usePortfolioResult = (enterpriseId: string | undefined, lang: 'zh' | 'en') =>
  useQuery({
    queryKey: ['portfolio', 'result', enterpriseId, lang],
    queryFn: () =>
      api<PortfolioResultView>(
        `/api/portfolio/result?enterpriseId=${encodeURIComponent(enterpriseId ?? '')}&lang=${lang}`,
      ),
    enabled: enterpriseId !== undefined,
  });
