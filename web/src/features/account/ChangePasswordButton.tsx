import { LockOutlined } from '@ant-design/icons';
import { App, Button, Form, Modal, Tooltip } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ChangePasswordForm, type ChangePasswordValues } from './ChangePasswordForm.tsx';
import { useChangePassword } from './password-change.ts';

/** 修改密码 in the header, for everyone; a user with a one-time password gets ChangePasswordPage instead. */
export function ChangePasswordButton({ compact }: { compact: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<ChangePasswordValues>();
  const change = useChangePassword(() => {
    setOpen(false);
    form.resetFields();
    void message.success(t('auth.passwordChanged'));
  });

  return (
    <>
      {/* a padlock, never a bare key (it read as a search magnifier), and always a word beside it: short when narrow */}
      <Tooltip title={compact ? t('auth.changePassword') : undefined}>
        <Button
          type="text"
          icon={<LockOutlined />}
          onClick={() => setOpen(true)}
          aria-label={t('auth.changePassword')}
        >
          {compact ? t('auth.changePasswordShort') : t('auth.changePassword')}
        </Button>
      </Tooltip>
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
        <ChangePasswordForm form={form} error={change.error} onFinish={(v) => change.mutate(v)} />
      </Modal>
    </>
  );
}
