import { Button, Card, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMe } from '../account/api.ts';
import { useLocalized } from '../atlas/atlas-ui.ts';
import { useMyInvitations, useRespondToInvitation } from './api.ts';
import { ErrorAlert } from './ErrorAlert.tsx';
import { InvitationsTable } from './InvitationsTable.tsx';

/**
 * A service-provider organisation's invitations to enterprises' projects: its administrators accept or decline a
 * pending one; an accepted one's project opens here (and is in the project list).
 */
export function MyInvitationsCard() {
  const { t } = useTranslation();
  const { tx } = useLocalized();
  const me = useMe();
  const isProvider = me.data?.organisation.orgKind === 'service_provider';
  const isAdmin = me.data?.organisation.role === 'admin';
  const invitations = useMyInvitations(isProvider);
  const respond = useRespondToInvitation();
  if (!isProvider) return null;

  return (
    <Card
      size="small"
      title={t('deliver.invitations.mine')}
      style={{ marginBottom: 12 }}
      data-testid="my-invitations"
    >
      {!isAdmin && (
        <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
          {t('deliver.invitations.adminOnly')}
        </Typography.Paragraph>
      )}
      <ErrorAlert error={respond.error} testId="respond-error" />
      <InvitationsTable
        invitations={invitations.data}
        loading={invitations.isPending}
        emptyText={t('deliver.invitations.noneMine')}
        parties={[
          {
            title: t('deliver.invitations.project'),
            key: 'project',
            render: (_, i) =>
              i.status === 'accepted' ? (
                <Link to={`/deliver/projects/${i.projectId}`} data-user-text>
                  {tx(i.projectName)}
                </Link>
              ) : (
                <span data-user-text>{tx(i.projectName)}</span>
              ),
          },
          {
            title: t('deliver.invitations.enterprise'),
            key: 'enterprise',
            render: (_, i) => <span data-user-text>{i.enterpriseName}</span>,
          },
        ]}
        more={[
          {
            title: '',
            key: 'actions',
            render: (_, i) =>
              isAdmin && i.status === 'pending' ? (
                <Flex gap={4}>
                  <Button
                    size="small"
                    type="primary"
                    loading={respond.isPending}
                    data-testid="accept-invitation"
                    onClick={() => respond.mutate({ invitationId: i.id, action: 'accept' })}
                  >
                    {t('deliver.invitations.accept')}
                  </Button>
                  <Button
                    size="small"
                    loading={respond.isPending}
                    data-testid="decline-invitation"
                    onClick={() => respond.mutate({ invitationId: i.id, action: 'decline' })}
                  >
                    {t('deliver.invitations.decline')}
                  </Button>
                </Flex>
              ) : null,
          },
        ]}
      />
    </Card>
  );
}
