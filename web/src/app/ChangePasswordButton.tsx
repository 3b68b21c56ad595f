import { KeyOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChangePassword } from '../../../src/contracts/auth.ts';
import { api } from '../api/client.ts';

interface Values extends ChangePassword {
  confirm: string;
}

/** 修改密码: required after a one-time password, available to everyone from the header. */
export function ChangePasswordButton({ highlight, compact }: { highlight: boolean; compact: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<Values>();
  const change = useMutation({
    mutationFn: ({ currentPassword, newPassword }: Values) =>
      api<void>('/api/auth/password', { method: 'POST', body: { currentPassword, newPassword } }),
    onSuccess: async () => {
      setOpen(false);
      form.resetFields();
      void message.success(t('auth.passwordChanged'));
      await queryClient.invalidateQueries({ queryKey: ['me'] });
    },
  });

  return (
    <>
      <Button
        type={highlight ? 'primary' : 'text'}
        icon={<KeyOutlined />}
        onClick={() => setOpen(true)}
        aria-label={t('auth.changePassword')}
      >
        {compact ? null : t('auth.changePassword')}
      </Button>
      <Modal
        open={open}
        title={t('auth.changePassword')}
        okText={t('auth.save')}
        cancelText={t('auth.cancel')}
        confirmLoading={change.isPending}
        onOk={() => form.submit()}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        {change.isError && (
          <Alert
            type="error"
            showIcon
            title={change.error.message}
            style={{ marginBottom: 16 }}
            role="alert"
          />
        )}
        <Form<Values> form={form} layout="vertical" requiredMark={false} onFinish={(v) => change.mutate(v)}>
          <Form.Item
            name="currentPassword"
            label={t('auth.currentPassword')}
            rules={[{ required: true, message: t('auth.passwordRequired') }]}
          >
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Form.Item
            name="newPassword"
            label={t('auth.newPassword')}
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
        </Form>
      </Modal>
    </>
  );
}
