import { Alert, App, Form, Input, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCreateOrganisation, type CreatableKind, type OrganisationView } from './api.ts';
import { errorText } from './organisation-ui.ts';

interface Values {
  kind: CreatableKind;
  name: string;
  regionCode?: string;
  parentId?: string;
}

/** 新建组织: kind, name and region code; the platform also picks a parent (none: top level). */
export function NewOrganisationModal({
  kinds,
  parents,
  onClose,
}: {
  kinds: CreatableKind[];
  /** organisations the new one may belong to; empty: it goes under the session's organisation */
  parents: OrganisationView[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const create = useCreateOrganisation();
  const submit = (values: Values) =>
    create.mutate(
      { ...values, regionCode: values.regionCode?.trim() || null, parentId: values.parentId ?? null },
      {
        onSuccess: (created) => {
          void message.success(t('organisation.create.created', { name: created.name }));
          onClose();
        },
      },
    );
  return (
    <Modal
      open
      title={t('organisation.create.title')}
      okText={t('organisation.create.submit')}
      cancelText={t('organisation.cancel')}
      confirmLoading={create.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      {create.isError && (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={errorText(t, create.error)}
          style={{ marginBottom: 16 }}
        />
      )}
      <Form<Values>
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={{ kind: kinds[0] }}
        onFinish={submit}
      >
        <Form.Item name="kind" label={t('organisation.create.kind')} rules={[{ required: true }]}>
          <Select options={kinds.map((k) => ({ value: k, label: t(`kinds.${k}`) }))} />
        </Form.Item>
        <Form.Item
          name="name"
          label={t('organisation.create.name')}
          rules={[
            { required: true, whitespace: true, max: 200, message: t('organisation.create.nameRequired') },
          ]}
        >
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="regionCode"
          label={t('organisation.create.region')}
          extra={t('organisation.create.regionHelp')}
          rules={[{ pattern: /^\d{6}$/, message: t('organisation.create.regionInvalid') }]}
        >
          <Input inputMode="numeric" maxLength={6} style={{ maxWidth: 160 }} />
        </Form.Item>
        {parents.length > 0 && (
          <Form.Item name="parentId" label={t('organisation.create.parent')}>
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              options={parents.map((p) => ({ value: p.id, label: `${p.name} · ${t(`kinds.${p.kind}`)}` }))}
            />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
