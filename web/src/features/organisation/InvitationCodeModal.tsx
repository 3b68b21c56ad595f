import { CopyOutlined } from '@ant-design/icons';
import { Alert, App, Button, Descriptions, Flex, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { invitationLink, type IssuedInvitation } from './invitations-api.ts';
import { dateText } from './organisation-ui.ts';

/** Shows an invitation's one-time link and code, once: the server never returns them again. */
export function InvitationCodeModal({ issued, onClose }: { issued: IssuedInvitation; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const link = invitationLink(issued.code);
  const copy = async (text: string) => {
    try {
      await navigator.clipboard.writeText(text);
      void message.success(t('organisation.password.copied'));
    } catch {
      void message.warning(t('organisation.invitations.copyFailed'));
    }
  };
  const { invitation } = issued;
  return (
    <Modal
      open
      title={t('organisation.invitations.issuedTitle')}
      onCancel={onClose}
      maskClosable={false}
      footer={
        <Button type="primary" onClick={onClose}>
          {t('organisation.password.done')}
        </Button>
      }
    >
      <Typography.Paragraph>
        {t('organisation.invitations.issuedIntro', { email: invitation.email })}
      </Typography.Paragraph>
      <Descriptions size="small" column={1} style={{ marginBottom: 12 }}>
        <Descriptions.Item label={t('organisation.invite.role')}>
          {t(`roles.${invitation.role}`)}
        </Descriptions.Item>
        <Descriptions.Item label={t('organisation.invitations.expires')}>
          {dateText(invitation.expiresAt, i18n.language)}
        </Descriptions.Item>
      </Descriptions>
      <Typography.Text strong>{t('organisation.invitations.link')}</Typography.Text>
      <Flex gap={8} align="center" style={{ margin: '4px 0 12px' }}>
        <Typography.Text
          code
          data-testid="invitation-link"
          style={{ userSelect: 'all', wordBreak: 'break-all', flex: 1 }}
        >
          {link}
        </Typography.Text>
        <Button icon={<CopyOutlined />} onClick={() => void copy(link)}>
          {t('organisation.password.copy')}
        </Button>
      </Flex>
      <Typography.Text strong>{t('organisation.invitations.code')}</Typography.Text>
      <Flex gap={8} align="center" style={{ margin: '4px 0 16px' }}>
        <Typography.Text
          code
          data-testid="invitation-code"
          style={{ userSelect: 'all', wordBreak: 'break-all', flex: 1 }}
        >
          {issued.code}
        </Typography.Text>
        <Button icon={<CopyOutlined />} onClick={() => void copy(issued.code)}>
          {t('organisation.password.copy')}
        </Button>
      </Flex>
      <Alert type="warning" showIcon title={t('organisation.invitations.once')} />
    </Modal>
  );
}
