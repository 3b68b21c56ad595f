import { App, Button, Card, Flex, List, Popconfirm, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAnswerInvitation, useMyInvitations } from './invitations-api.ts';
import { dateText } from './organisation-ui.ts';
import { invitationErrorText } from './invitation-text.ts';

/** 待处理的邀请 on the home page: the signed-in user's pending invitations, to accept or decline; nothing if none. */
export function MyInvitationsCard() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const mine = useMyInvitations();
  const answer = useAnswerInvitation();
  const invitations = mine.data?.invitations ?? [];
  if (invitations.length === 0) return null;
  const reply = (id: string, org: string, how: 'accept' | 'decline') =>
    answer.mutate(
      { id, answer: how },
      {
        onSuccess: () =>
          void message.success(
            t(`organisation.accept.${how === 'accept' ? 'accepted' : 'declined'}`, { org }),
          ),
        onError: (error) => void message.error(invitationErrorText(t, error)),
      },
    );
  return (
    <Card
      title={t('organisation.accept.mineTitle')}
      style={{ marginBottom: 24 }}
      data-testid="my-invitations"
    >
      <List
        dataSource={invitations}
        renderItem={(inv) => (
          <List.Item>
            <Flex justify="space-between" align="center" gap={12} wrap style={{ width: '100%' }}>
              <div>
                <Typography.Text strong>{inv.orgName}</Typography.Text>
                <br />
                <Typography.Text type="secondary">
                  {t(`roles.${inv.role}`)} · {inv.invitedBy ?? '—'} · {t('organisation.accept.expires')}{' '}
                  {dateText(inv.expiresAt, i18n.language)}
                </Typography.Text>
              </div>
              <Flex gap={8}>
                <Button
                  type="primary"
                  loading={answer.isPending}
                  onClick={() => reply(inv.id, inv.orgName, 'accept')}
                >
                  {t('organisation.accept.accept')}
                </Button>
                <Popconfirm
                  title={t('organisation.accept.confirmDecline', { org: inv.orgName })}
                  okText={t('organisation.accept.decline')}
                  cancelText={t('organisation.cancel')}
                  onConfirm={() => reply(inv.id, inv.orgName, 'decline')}
                >
                  <Button danger>{t('organisation.accept.decline')}</Button>
                </Popconfirm>
              </Flex>
            </Flex>
          </List.Item>
        )}
      />
    </Card>
  );
}
