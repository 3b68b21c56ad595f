import { Select, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Me } from '../../../src/contracts/auth.ts';
import { useSwitchOrganisation } from '../features/account/api.ts';

/** The organisation the user acts for; a select when they belong to several (a consultant's enterprises). */
export function OrganisationSwitch({ me, narrow }: { me: Me; narrow: boolean }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const switchOrg = useSwitchOrganisation();
  const width = narrow ? 260 : 420;

  if (me.memberships.length <= 1) {
    return (
      <div style={{ display: 'flex', alignItems: 'center', gap: 8, minWidth: 0 }}>
        <Typography.Text strong ellipsis style={{ maxWidth: width, lineHeight: '22px' }}>
          {me.organisation.orgName}
        </Typography.Text>
        <Tag style={{ marginInlineEnd: 0 }}>{t(`kinds.${me.organisation.orgKind}`)}</Tag>
      </div>
    );
  }
  return (
    <Select
      aria-label={t('home.org')}
      data-testid="organisation-switch"
      value={me.organisation.orgId}
      loading={switchOrg.isPending}
      style={{ width }}
      popupMatchSelectWidth={false}
      onChange={(orgId: string) => switchOrg.mutate(orgId, { onSuccess: () => void navigate('/') })}
      options={me.memberships.map((m) => ({
        value: m.orgId,
        label: (
          <span>
            <Typography.Text strong>{m.orgName}</Typography.Text>{' '}
            <Tag style={{ marginInlineEnd: 0 }}>{t(`kinds.${m.orgKind}`)}</Tag>
          </span>
        ),
      }))}
    />
  );
}
