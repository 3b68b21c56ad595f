import { Alert, App, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { ORGANISATION_NAME_MAX } from '../../../../src/contracts/organisations.ts';
import { useRenameOrganisation, type OrganisationView } from '../../api/organisations.ts';
import { errorText } from './organisation-ui.ts';

/** 重命名组织: a new name, unique among the organisations with the same parent (the server says so when not). */
export function RenameOrganisationModal({
  organisation,
  onClose,
}: {
  organisation: Pick<OrganisationView, 'id' | 'name'>;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ name: string }>();
  const rename = useRenameOrganisation();
  const submit = ({ name }: { name: string }) =>
    rename.mutate(
      { orgId: organisation.id, name: name.trim() },
      {
        onSuccess: (renamed) => {
          void message.success(t('organisation.rename.renamed', { name: renamed.name }));
          onClose();
        },
      },
    );
  return (
    <Modal
      open
      title={t('organisation.rename.title')}
      okText={t('organisation.rename.submit')}
      cancelText={t('organisation.cancel')}
      confirmLoading={rename.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      {rename.isError && (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={errorText(t, rename.error)}
          style={{ marginBottom: 16 }}
        />
      )}
      <Form<{ name: string }>
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={{ name: organisation.name }}
        onFinish={submit}
      >
        <Form.Item
          name="name"
          label={t('organisation.rename.name')}
          rules={[
            {
              required: true,
              whitespace: true,
              max: ORGANISATION_NAME_MAX,
              message: t('organisation.create.nameRequired'),
            },
          ]}
        >
          <Input autoComplete="off" autoFocus />
        </Form.Item>
      </Form>
    </Modal>
  );
}
