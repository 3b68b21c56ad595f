import { LogoutOutlined, TranslationOutlined } from '@ant-design/icons';
import { CenteredCardPage } from '../../components/CenteredCardPage.tsx';
import { Alert, App, Button, Form, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Me } from '../../../../src/contracts/auth.ts';
import { useSignOut } from './api.ts';
import { ChangePasswordForm, type ChangePasswordValues } from './ChangePasswordForm.tsx';
import { useChangePassword } from './password-change.ts';
import { setLanguage } from '../../i18n/index.ts';

/**
 * What a user signed in with a one-time password sees, and all they can do (the server refuses everything else
 * with 403 password_change_required): choose their own password, or sign out.
 */
export function ChangePasswordPage({ me }: { me: Me }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<ChangePasswordValues>();
  const signOut = useSignOut();
  const change = useChangePassword(() => void message.success(t('auth.passwordChanged')));

  return (
    <CenteredCardPage maxWidth={460}>
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'start', gap: 8 }}>
        <div>
          <Typography.Title level={2} style={{ marginBottom: 4 }}>
            {t('auth.mustChangeTitle')}
          </Typography.Title>
          <Typography.Paragraph type="secondary">
            {me.user.displayName} · {me.user.email}
          </Typography.Paragraph>
        </div>
        <Button
          type="text"
          icon={<TranslationOutlined />}
          onClick={() => setLanguage(i18n.language === 'en' ? 'zh' : 'en')}
        >
          {t('lang.switch')}
        </Button>
      </div>
      <Alert type="warning" showIcon title={t('auth.mustChange')} style={{ marginBottom: 16 }} />
      <ChangePasswordForm
        form={form}
        error={change.error}
        oneTime
        onFinish={(values) => change.mutate(values)}
        footer={
          <Space orientation="vertical" style={{ width: '100%' }}>
            <Button type="primary" htmlType="submit" block size="large" loading={change.isPending}>
              {t('auth.saveNewPassword')}
            </Button>
            <Button
              block
              icon={<LogoutOutlined />}
              loading={signOut.isPending}
              onClick={() => signOut.mutate()}
            >
              {t('auth.signOut')}
            </Button>
          </Space>
        }
      />
    </CenteredCardPage>
  );
}
