import { Alert, App, Form, Input, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../../../src/contracts/auth.ts';
import { useAddMember, type AddedMember, type AddMember } from '../../api/organisations.ts';
import { errorText } from './organisation-ui.ts';

const ROLES: Role[] = ['admin', 'editor', 'viewer'];

/** 邀请成员: add a member by email; a new user's one-time password goes to `onCreated`. */
export function InviteMemberModal({
  orgId,
  orgName,
  defaultRole,
  onClose,
  onCreated,
}: {
  orgId: string;
  orgName: string;
  defaultRole: Role;
  onClose: () => void;
  onCreated: (added: AddedMember) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<AddMember>();
  const add = useAddMember(orgId);
  const submit = (values: AddMember) =>
    add.mutate(values, {
      onSuccess: (added) => {
        onClose();
        if (added.oneTimePassword) onCreated(added);
        else void message.success(t('organisation.invite.addedExisting', { email: added.member.email }));
      },
    });
  return (
    <Modal
      open
      title={t('organisation.invite.title')}
      okText={t('organisation.invite.submit')}
      cancelText={t('organisation.cancel')}
      confirmLoading={add.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Alert
        type="info"
        title={t('organisation.invite.of', { name: orgName })}
        style={{ marginBottom: 16 }}
      />
      {add.isError && (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={errorText(t, add.error)}
          style={{ marginBottom: 16 }}
        />
      )}
      <Form<AddMember>
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={{ role: defaultRole }}
        onFinish={submit}
      >
        <Form.Item
          name="email"
          label={t('organisation.invite.email')}
          rules={[
            {
              required: true,
              type: 'email',
              whitespace: true,
              message: t('organisation.invite.emailRequired'),
            },
          ]}
        >
          <Input autoComplete="off" inputMode="email" />
        </Form.Item>
        <Form.Item
          name="displayName"
          label={t('organisation.invite.name')}
          extra={t('organisation.invite.nameHint')}
          rules={[
            { required: true, whitespace: true, max: 200, message: t('organisation.invite.nameRequired') },
          ]}
        >
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="role"
          label={t('organisation.invite.role')}
          extra={t('organisation.invite.roleHelp')}
        >
          <Select options={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
