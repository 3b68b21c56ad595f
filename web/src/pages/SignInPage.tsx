import { LockOutlined, MailOutlined, TranslationOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client.ts';
import { useSignIn } from '../api/session.ts';
import { setLanguage } from '../i18n/index.ts';

interface Values {
  email: string;
  password: string;
}

/** Whole minutes until a throttled sign-in may be retried, from the 429's details (at least 1). */
function retryMinutes(details: unknown): number {
  const seconds =
    typeof details === 'object' && details !== null && 'retryAfterSeconds' in details
      ? Number(details.retryAfterSeconds)
      : NaN;
  return Number.isFinite(seconds) && seconds > 0 ? Math.ceil(seconds / 60) : 1;
}

/**
 * The sign-in answers the page expects, in the user's language by error code: a wrong email or password, an
 * account in no organisation (the sign-in route's only 403), too many failed sign-ins with the wait. Anything else
 * (a network failure, a server fault) as the error says it.
 */
function signInErrorText(error: Error, t: TFunction): string {
  if (error instanceof ApiError) {
    if (error.code === 'invalid_credentials') return t('auth.invalidCredentials');
    if (error.code === 'forbidden') return t('auth.noOrganisation');
    if (error.code === 'too_many_attempts') {
      return t('auth.tooManyAttempts', { minutes: retryMinutes(error.details) });
    }
  }
  return error.message;
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
            title={signInErrorText(signIn.error, t)}
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
