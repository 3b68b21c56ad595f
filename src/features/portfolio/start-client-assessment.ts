/**
 * 企业总览 → 新建诊断: a consultant starts an assessment of a client from the portfolio, while the session still acts
 * for their provider. The enterprise must be in the caller's portfolio (else 404, as for any id one may not see);
 * the right to write in it follows the organisation rules (`writableClientTenant`: an editor or administrator of the
 * enterprise, or an administrator of the organisation that manages it), each refusal named; then the assessment is
 * created by the assessments feature's own use case, as POST /api/assessments would inside the enterprise.
 */
import type { z } from 'zod';
import type { ClientAssessmentStarted, StartClientAssessment } from '../../contracts/portfolio.ts';
import type { Db } from '../../db/client.ts';
import type { MemberCaller } from '../../server/access/caller.ts';
import { writableClientTenant } from '../../server/access/client-tenant.ts';
import { notFound } from '../../server/app-error.ts';
import { createAssessment } from '../assessments/create-assessment.ts';
import type { IndicatorSystemCatalog } from '../assessments/indicator-system-index.ts';
import { presentSummary } from '../assessments/present-assessment.ts';
import { portfolioScope } from './load-portfolio.ts';
import { portfolioEnterprise } from './repository.ts';

export async function startClientAssessment(
  db: Db,
  systems: IndicatorSystemCatalog,
  caller: MemberCaller,
  input: z.output<typeof StartClientAssessment>,
): Promise<ClientAssessmentStarted> {
  const { enterpriseId, ...assessment } = input;
  const scope = portfolioScope(
    { id: caller.tenant, kind: caller.organisation.kind },
    caller.role,
    caller.user.id,
  );
  if (!(await portfolioEnterprise(db, scope, enterpriseId))) throw notFound('Enterprise in your portfolio');
  const { tenant, right } = await writableClientTenant(db, caller, enterpriseId);
  const created = await createAssessment(db, systems, { tenant, userId: caller.user.id }, assessment);
  return {
    enterpriseId,
    right,
    assessment: presentSummary(created.row, created.index, created.progress),
  };
}
