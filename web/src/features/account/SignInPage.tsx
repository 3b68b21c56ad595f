import { LockOutlined, MailOutlined, TranslationOutlined } from '@ant-design/icons';
import { CenteredCardPage } from '../../components/CenteredCardPage.tsx';
import { Alert, Button, Form, Input, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import { useSignIn } from './api.ts';
import { setLanguage } from '../../i18n/index.ts';

interface Values {
  email: string;
  password: string;
}

/** Seconds until a throttled sign-in may be retried, from the 429's details (at least 1). */
function retrySeconds(details: unknown): number {
  const seconds =
    typeof details === 'object' && details !== null && 'retryAfterSeconds' in details
      ? Number(details.retryAfterSeconds)
      : NaN;
  return Number.isFinite(seconds) && seconds > 0 ? Math.ceil(seconds) : 1;
}

/** A wait as the user reads it: "8 秒", "2 分 8 秒". */
function waitText(seconds: number, t: TFunction): string {
  if (seconds < 60) return t('auth.waitSeconds', { seconds });
  return t('auth.waitMinutes', { minutes: Math.floor(seconds / 60), seconds: seconds % 60 });
}

/**
 * The sign-in answers the page expects, in the user's language by error code: a wrong email or password, an
 * account in no organisation (the sign-in route's only 403). Anything else (a network failure, a server fault) as
 * the error says it; too many failed sign-ins is the countdown's.
 */
function signInErrorText(error: Error, t: TFunction): string {
  if (error instanceof ApiError) {
    if (error.code === 'invalid_credentials') return t('auth.invalidCredentials');
    if (error.code === 'forbidden') return t('auth.noOrganisation');
  }
  return error.message;
}

/**
 * Counts down the wait of a throttled sign-in, second by second, from the moment the 429 arrived; 0 when there is
 * nothing to wait for. `done` runs when the wait is over.
 */
function useRetryCountdown(error: Error | null, done: () => void): number {
  const throttled = error instanceof ApiError && error.code === 'too_many_attempts' ? error : null;
  const [left, setLeft] = useState(0);
  const doneRef = useRef(done);
  doneRef.current = done;
  useEffect(() => {
    if (!throttled) {
      setLeft(0);
      return;
    }
    const until = Date.now() + retrySeconds(throttled.details) * 1000;
    const tick = () => {
      const seconds = Math.max(0, Math.ceil((until - Date.now()) / 1000));
      setLeft(seconds);
      if (seconds === 0) {
        clearInterval(timer);
        doneRef.current();
      }
    };
    const timer = setInterval(tick, 250);
    tick();
    return () => clearInterval(timer);
  }, [throttled]);
  return left;
}

export function SignInPage() {
  const { t, i18n } = useTranslation();
  const signIn = useSignIn();
  const waiting = useRetryCountdown(signIn.error, () => signIn.reset());

  return (
    <CenteredCardPage maxWidth={420}>
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'start' }}>
        <div>
          <Typography.Title level={2} style={{ marginBottom: 4 }}>
            {t('auth.welcome')}
          </Typography.Title>
          <Typography.Paragraph type="secondary" className="tupu-phrases">
            <span>{t('auth.subtitleLoop')}</span>
            <span>{t('auth.subtitleFocus')}</span>
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
      {waiting > 0 ? (
        <Alert
          type="warning"
          showIcon
          title={t('auth.tooManyAttempts', { wait: waitText(waiting, t) })}
          style={{ marginBottom: 16 }}
          role="alert"
          aria-live="polite"
        />
      ) : (
        signIn.isError &&
        !(signIn.error instanceof ApiError && signIn.error.code === 'too_many_attempts') && (
          <Alert
            type="error"
            showIcon
            title={signInErrorText(signIn.error, t)}
            style={{ marginBottom: 16 }}
            role="alert"
          />
        )
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
        <Button
          type="primary"
          htmlType="submit"
          block
          size="large"
          loading={signIn.isPending}
          disabled={waiting > 0}
        >
          {t('auth.signIn')}
        </Button>
      </Form>
      <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0, fontSize: 13 }}>
        {t('auth.demoHint')}
      </Typography.Paragraph>
    </CenteredCardPage>
  );
}
