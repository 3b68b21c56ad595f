import { CopyOutlined } from '@ant-design/icons';
import { Alert, App, Button, Flex, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** Shows a new user's (or a reset) one-time password, once: the server never returns it again. */
export function OneTimePasswordModal({
  email,
  password,
  reset = false,
  onClose,
}: {
  email: string;
  password: string;
  /** the password of an existing user was reset (not a new account) */
  reset?: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(password);
      void message.success(t('organisation.password.copied'));
    } catch {
      void message.warning(t('organisation.password.copyFailed'));
    }
  };
  return (
    <Modal
      open
      title={t(reset ? 'organisation.password.resetTitle' : 'organisation.password.title')}
      onCancel={onClose}
      maskClosable={false}
      footer={
        <Button type="primary" onClick={onClose}>
          {t('organisation.password.done')}
        </Button>
      }
    >
      <Typography.Paragraph>
        {t(reset ? 'organisation.password.resetIntro' : 'organisation.password.intro', { email })}
      </Typography.Paragraph>
      <Flex gap={8} align="center" wrap style={{ marginBottom: 16 }}>
        <Typography.Text
          code
          data-testid="one-time-password"
          style={{ fontSize: 20, userSelect: 'all', letterSpacing: 1 }}
        >
          {password}
        </Typography.Text>
        <Button icon={<CopyOutlined />} onClick={() => void copy()}>
          {t('organisation.password.copy')}
        </Button>
      </Flex>
      <Alert
        type="warning"
        showIcon
        title={t(reset ? 'organisation.password.resetOnce' : 'organisation.password.once')}
      />
    </Modal>
  );
}
