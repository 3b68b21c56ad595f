import { Descriptions, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { InvitationView } from './invitations-api.ts';
import { dateText } from './organisation-ui.ts';

/** Who invites whom to which organisation, with which role, until when. */
export function InvitationDetails({ invitation }: { invitation: InvitationView }) {
  const { t, i18n } = useTranslation();
  const role = t(`roles.${invitation.role}`);
  return (
    <>
      <Typography.Paragraph>
        {t('organisation.accept.intro', {
          inviter: invitation.invitedBy ?? '—',
          email: invitation.email,
          role,
          org: invitation.orgName,
        })}
      </Typography.Paragraph>
      <Descriptions size="small" column={1} bordered style={{ marginBottom: 16 }}>
        <Descriptions.Item label={t('organisation.accept.organisation')}>
          {invitation.orgName}
        </Descriptions.Item>
        <Descriptions.Item label={t('organisation.accept.role')}>{role}</Descriptions.Item>
        <Descriptions.Item label={t('organisation.accept.email')}>{invitation.email}</Descriptions.Item>
        <Descriptions.Item label={t('organisation.accept.expires')}>
          {dateText(invitation.expiresAt, i18n.language)}
        </Descriptions.Item>
      </Descriptions>
    </>
  );
}
