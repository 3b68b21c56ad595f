import { Alert, Form, Input, Typography, type FormInstance } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChangePassword } from '../../../../src/contracts/auth.ts';
import { passwordChangeErrorLines } from './password-change.ts';

export interface ChangePasswordValues extends ChangePassword {
  confirm: string;
}

/**
 * The fields of a password change — current (or one-time) password, new one, confirmation — with the policy as a
 * hint and the server's refusal, rule by rule, above them. Used by the header's dialog and the page a user with a
 * one-time password sees first.
 */
export function ChangePasswordForm({
  form,
  error,
  onFinish,
  oneTime,
  footer,
}: {
  form: FormInstance<ChangePasswordValues>;
  error: Error | null;
  onFinish: (values: ChangePasswordValues) => void;
  /** the current password is a one-time password */
  oneTime?: boolean;
  footer?: ReactNode;
}) {
  const { t } = useTranslation();
  const refusal = error ? passwordChangeErrorLines(error, t) : undefined;
  return (
    <>
      {refusal && (
        <Alert
          type="error"
          showIcon
          role="alert"
          style={{ marginBottom: 16 }}
          title={refusal.title}
          description={
            refusal.lines.length > 0 ? (
              <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                {refusal.lines.map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
            ) : undefined
          }
        />
      )}
      <Form<ChangePasswordValues> form={form} layout="vertical" requiredMark={false} onFinish={onFinish}>
        <Form.Item
          name="currentPassword"
          label={oneTime ? t('auth.oneTimePassword') : t('auth.currentPassword')}
          rules={[{ required: true, message: t('auth.passwordRequired') }]}
        >
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item
          name="newPassword"
          label={t('auth.newPassword')}
          extra={<Typography.Text type="secondary">{t('auth.passwordPolicy')}</Typography.Text>}
          rules={[{ required: true, min: 10, message: t('auth.newPasswordRule') }]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label={t('auth.confirmPassword')}
          dependencies={['newPassword']}
          rules={[
            { required: true, message: t('auth.passwordRequired') },
            ({ getFieldValue }) => ({
              validator: (_, value) =>
                value === getFieldValue('newPassword')
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('auth.passwordMismatch'))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        {footer}
      </Form>
    </>
  );
}
