import { Button, Tooltip } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useSwitchOrganisation } from '../account/api.ts';

/**
 * A link to one of an enterprise's pages. The API opens an assessment or a plan only for the enterprise's own
 * members, acting for it; so for a member the link first switches the session to the enterprise, then opens the
 * page; for anyone else it is plain text.
 */
export function OpenInEnterprise({
  enterpriseId,
  member,
  to,
  children,
}: {
  enterpriseId: string;
  member: boolean;
  to: string;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const switchOrg = useSwitchOrganisation();
  const navigate = useNavigate();
  if (!member) return <>{children}</>;
  return (
    <Tooltip title={t('portfolio.openHint')}>
      <Button
        type="link"
        size="small"
        loading={switchOrg.isPending}
        style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'left' }}
        onClick={() => switchOrg.mutate(enterpriseId, { onSuccess: () => void navigate(to) })}
      >
        {children}
      </Button>
    </Tooltip>
  );
}
