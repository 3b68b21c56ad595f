import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, Result, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useMe } from '../account/api.ts';
import { useOrganisations } from './api.ts';
import { BackupCard } from './BackupCard.tsx';
import { ChildOrganisationsCard } from './ChildOrganisationsCard.tsx';
import { MembersCard } from './MembersCard.tsx';
import { errorText } from './organisation-ui.ts';

/**
 * /organisation — 组织与成员: the members of the session's organisation and, for an organisation that manages
 * others, the organisations under it; /organisation/:orgId — the members of one of those.
 */
export function OrganisationPage() {
  const { t } = useTranslation();
  const me = useMe().data;
  const { orgId } = useParams();
  const isAdmin = me?.organisation.role === 'admin';
  const organisations = useOrganisations(isAdmin && orgId === undefined);
  if (!me) return null;
  if (!isAdmin) return <Result status="403" subTitle={t('organisation.errors.forbidden')} />;
  const ownId = me.organisation.orgId;
  const target = orgId ?? ownId;

  return (
    <div>
      {target !== ownId && (
        <Link to="/organisation" style={{ display: 'inline-block', marginBottom: 8 }}>
          <ArrowLeftOutlined /> {t('organisation.back')}
        </Link>
      )}
      <Typography.Title level={3}>{t('organisation.title')}</Typography.Title>
      {target === ownId && (
        <Typography.Paragraph type="secondary">{t('organisation.intro')}</Typography.Paragraph>
      )}
      <MembersCard key={target} orgId={target} selfUserId={me.user.id} />
      {orgId === undefined &&
        (organisations.isPending ? (
          <Spin />
        ) : organisations.isError ? (
          <Alert type="error" showIcon title={errorText(t, organisations.error)} />
        ) : (
          (organisations.data.canCreate.length > 0 || organisations.data.organisations.length > 1) && (
            <ChildOrganisationsCard list={organisations.data} ownId={ownId} />
          )
        ))}
      {orgId === undefined && me.organisation.orgKind === 'platform' && <BackupCard />}
    </div>
  );
}
