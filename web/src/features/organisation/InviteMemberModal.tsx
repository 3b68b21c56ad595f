import { Alert, Form, Input, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { ROLES, type Role } from '../../../../src/contracts/auth.ts';
import { useInvite, type InviteMember, type IssuedInvitation } from './invitations-api.ts';
import { errorText } from './organisation-ui.ts';

/** 邀请成员: invite by email; the pending invitation and its one-time code go to `onIssued`. */
export function InviteMemberModal({
  orgId,
  orgName,
  defaultRole,
  onClose,
  onIssued,
}: {
  orgId: string;
  orgName: string;
  defaultRole: Role;
  onClose: () => void;
  onIssued: (issued: IssuedInvitation) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<InviteMember>();
  const add = useInvite(orgId);
  const submit = (values: InviteMember) =>
    add.mutate(values, {
      onSuccess: (issued) => {
        onClose();
        onIssued(issued);
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
        description={t('organisation.invite.how')}
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
      <Form<InviteMember>
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
