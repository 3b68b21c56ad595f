import { Alert, App, Form, Input, Modal } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ORGANISATION_NAME_MAX } from '../../../../src/contracts/organisations.ts';
import { useRenameOrganisation, type OrganisationView } from './api.ts';
import { StaleVersionDialog } from '../../components/StaleVersionDialog.tsx';
import { useVersionedSave } from '../../components/useVersionedSave.ts';
import { errorText } from './organisation-ui.ts';

/** 重命名组织: a new name, unique among the organisations with the same parent (the server says so when not). */
export function RenameOrganisationModal({
  organisation,
  onClose,
}: {
  /** as loaded: its version is sent with the new name (409 stale_version when someone renamed it since) */
  organisation: Pick<OrganisationView, 'id' | 'name' | 'version'>;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ name: string }>();
  const rename = useRenameOrganisation();
  const { stale, close } = useVersionedSave<OrganisationView>(rename);
  const client = useQueryClient();
  const submit = ({ name }: { name: string }) =>
    rename.mutate(
      { orgId: organisation.id, name: name.trim(), version: organisation.version },
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
      <StaleVersionDialog
        open={stale !== null}
        changed={stale ? [t('organisation.rename.renamedTo', { name: stale.current.name })] : []}
        onReload={() => {
          close();
          void client.invalidateQueries({ queryKey: ['organisations'] });
          onClose();
        }}
        onCancel={close}
      />
      {rename.isError && !stale && (
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
