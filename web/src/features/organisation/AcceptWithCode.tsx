import { Alert, Button, Form, Input, Tabs, Typography } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { redeemInvitation, type InvitationView } from './invitations-api.ts';
import { useSignIn } from '../account/api.ts';
import { invitationErrorText } from './invitation-text.ts';

interface Values {
  displayName?: string;
  password: string;
  confirm?: string;
}

/**
 * Not signed in: accept with the code and the password of the invited email's account, or — new to Tupu — with a
 * name and a password of one's own; then sign in. The page cannot know which applies (the server never says
 * whether an email is registered), so the invitee chooses.
 */
export function AcceptWithCode({
  code,
  invitation,
  onAccepted,
}: {
  code: string;
  invitation: InvitationView;
  onAccepted: () => void;
}) {
  const { t } = useTranslation();
  const signIn = useSignIn();
  const accept = useMutation({
    mutationFn: async (values: Values) => {
      await redeemInvitation({ code, password: values.password, displayName: values.displayName });
      await signIn.mutateAsync({ email: invitation.email, password: values.password });
    },
    onSuccess: onAccepted,
  });
  const failure = accept.isError && (
    <Alert
      type="error"
      showIcon
      role="alert"
      title={invitationErrorText(t, accept.error)}
      style={{ marginBottom: 16 }}
    />
  );
  const submit = (
    <Button type="primary" htmlType="submit" block loading={accept.isPending}>
      {t('organisation.accept.accept')}
    </Button>
  );
  const existing = (
    <Form<Values>
      name="invitation-existing"
      layout="vertical"
      requiredMark={false}
      onFinish={(v) => accept.mutate(v)}
    >
      <Typography.Paragraph type="secondary">
        {t('organisation.accept.existingHint', { email: invitation.email })}
      </Typography.Paragraph>
      {failure}
      <Form.Item
        name="password"
        label={t('organisation.accept.password')}
        rules={[{ required: true, message: t('organisation.accept.passwordRequired') }]}
      >
        <Input.Password autoComplete="current-password" />
      </Form.Item>
      {submit}
    </Form>
  );
  const fresh = (
    <Form<Values>
      name="invitation-new"
      layout="vertical"
      requiredMark={false}
      onFinish={(v) => accept.mutate(v)}
    >
      <Typography.Paragraph type="secondary">
        {t('organisation.accept.newHint', { email: invitation.email })}
      </Typography.Paragraph>
      {failure}
      <Form.Item
        name="displayName"
        label={t('organisation.accept.name')}
        rules={[
          { required: true, whitespace: true, max: 200, message: t('organisation.accept.nameRequired') },
        ]}
      >
        <Input autoComplete="name" />
      </Form.Item>
      <Form.Item
        name="password"
        label={t('organisation.accept.newPassword')}
        rules={[{ required: true, min: 10, message: t('organisation.accept.newPasswordRule') }]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        name="confirm"
        label={t('organisation.accept.confirmPassword')}
        dependencies={['password']}
        rules={[
          { required: true, message: t('organisation.accept.passwordRequired') },
          ({ getFieldValue }) => ({
            validator: (_, value) =>
              value === getFieldValue('password')
                ? Promise.resolve()
                : Promise.reject(new Error(t('organisation.accept.mismatch'))),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      {submit}
    </Form>
  );
  return (
    <Tabs
      onChange={() => accept.reset()}
      items={[
        { key: 'existing', label: t('organisation.accept.existingTab'), children: existing },
        { key: 'new', label: t('organisation.accept.newTab'), children: fresh },
      ]}
    />
  );
}
