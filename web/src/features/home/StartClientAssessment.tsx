import { App } from 'antd';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ApiError } from '../../api/client.ts';
import { useSwitchOrganisation } from '../account/api.ts';
import { NewAssessmentModal } from '../diagnose/NewAssessmentModal.tsx';
import { useStartClientAssessment, type PortfolioEnterprise } from './api.ts';

/** The refusals POST /api/portfolio/assessments names, worded in the UI's language. */
const REFUSALS = ['client_viewer', 'client_not_managed', 'client_not_member', 'not_found'];

/**
 * 新建诊断 for one enterprise of the portfolio, without switching first: the diagnosis's own form, sent to the
 * portfolio's endpoint. A member of the enterprise then switches to it and opens the new assessment; an administrator
 * of the managing organisation, who is not a member, is told it waits for the enterprise's members.
 */
export function StartClientAssessment({
  enterprise,
  onClose,
}: {
  enterprise: PortfolioEnterprise | undefined;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const start = useStartClientAssessment(enterprise?.id);
  const switchOrg = useSwitchOrganisation();
  // how the last start was allowed: a member opens it after switching
  const right = useRef<'member' | 'manager' | undefined>(undefined);
  const refusal =
    start.error instanceof ApiError && REFUSALS.includes(start.error.code)
      ? new Error(t(`portfolio.start.refused.${start.error.code}`))
      : start.error;

  return (
    <NewAssessmentModal
      open={enterprise !== undefined}
      forName={enterprise?.name}
      onClose={() => {
        start.reset();
        onClose();
      }}
      create={{
        mutateAsync: async (body) => {
          const started = await start.mutateAsync(body);
          right.current = started.right;
          return { id: started.assessment.id };
        },
        isPending: start.isPending || switchOrg.isPending,
        error: refusal,
      }}
      onCreated={(id) => {
        const name = enterprise?.name ?? '';
        start.reset();
        onClose();
        if (right.current === 'member' && enterprise) {
          switchOrg.mutate(enterprise.id, { onSuccess: () => void navigate(`/diagnose/${id}`) });
        } else {
          void message.success(t('portfolio.start.createdForMembers', { name }));
        }
      }}
    />
  );
}
