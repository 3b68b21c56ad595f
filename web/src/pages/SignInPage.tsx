import { LockOutlined, MailOutlined, TranslationOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSignIn } from '../api/session.ts';
import { setLanguage } from '../i18n/index.ts';

interface Values {
  email: string;
  password: string;
}

export function SignInPage() {
  const { t, i18n } = useTranslation();
  const signIn = useSignIn();

  return (
    <main
      style={{
        minHeight: '100vh',
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'center',
        padding: 16,
        background: 'linear-gradient(160deg, #eef3fb 0%, #f7f9fc 60%)',
      }}
    >
      <Card style={{ width: '100%', maxWidth: 420 }}>
        <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'start' }}>
          <div>
            <Typography.Title level={2} style={{ marginBottom: 4 }}>
              {t('auth.welcome')}
            </Typography.Title>
            <Typography.Paragraph type="secondary">{t('auth.subtitle')}</Typography.Paragraph>
          </div>
          <Button
            type="text"
            icon={<TranslationOutlined />}
            onClick={() => setLanguage(i18n.language === 'en' ? 'zh' : 'en')}
          >
            {t('lang.switch')}
          </Button>
        </div>
        {signIn.isError && (
          <Alert
            type="error"
            showIcon
            title={signIn.error.message}
            style={{ marginBottom: 16 }}
            role="alert"
          />
        )}
        <Form<Values> layout="vertical" requiredMark={false} onFinish={(values) => signIn.mutate(values)}>
          <Form.Item
            label={t('auth.email')}
            name="email"
            rules={[{ required: true, message: t('auth.emailRequired') }]}
          >
            <Input prefix={<MailOutlined />} autoComplete="username" inputMode="email" size="large" />
          </Form.Item>
          <Form.Item
            label={t('auth.password')}
            name="password"
            rules={[{ required: true, message: t('auth.passwordRequired') }]}
          >
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" size="large" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block size="large" loading={signIn.isPending}>
            {t('auth.signIn')}
          </Button>
        </Form>
        <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0, fontSize: 13 }}>
          {t('auth.demoHint')}
        </Typography.Paragraph>
      </Card>
    </main>
  );
}
