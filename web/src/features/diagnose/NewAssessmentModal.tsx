import { Alert, Form, Input, Modal, Radio, Select, Space, Tag, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { ASSESSMENT_MODES, type CreateAssessment } from '../../../../src/contracts/diagnosis.ts';
import { useCreateAssessment, useModels, type AssessmentMode } from './api.ts';
import { formatDate, useText } from './diagnose-ui.ts';

interface Values {
  modelId: string;
  mode: AssessmentMode;
  title: string;
  weightTable?: string;
}

/**
 * Choose the indicator system, the mode (self / assessor) and, for staged models, the weight table. By default the
 * assessment is the session organisation's; `create` starts it elsewhere (the portfolio's client, named `forName`).
 */
export function NewAssessmentModal({
  open,
  onClose,
  onCreated,
  create: createElsewhere,
  forName,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: (id: string) => void;
  create?: {
    mutateAsync: (body: CreateAssessment) => Promise<{ id: string }>;
    isPending: boolean;
    error: Error | null;
  };
  forName?: string;
}) {
  const { t } = useTranslation();
  const { tx, lang } = useText();
  const models = useModels();
  const own = useCreateAssessment();
  const create = createElsewhere ?? own;
  const [form] = Form.useForm<Values>();
  const modelId = Form.useWatch('modelId', form);
  const chosen = models.data?.find((m) => m.id === modelId);

  useEffect(() => {
    if (!chosen) return;
    form.setFieldsValue({
      title: t('diagnose.titleDefault', {
        model: tx(chosen.title),
        date: formatDate(new Date().toISOString(), lang),
      }),
      weightTable: chosen.weightTables[0]?.id,
    });
  }, [chosen, form, t, tx, lang]);

  const submit = async () => {
    const v = await form.validateFields();
    const created = await create.mutateAsync({
      modelId: v.modelId,
      mode: v.mode,
      title: v.title,
      profile: v.weightTable ? { weightTable: v.weightTable } : {},
    });
    form.resetFields();
    onCreated(created.id);
  };

  return (
    <Modal
      open={open}
      title={forName ? t('diagnose.newAssessmentFor', { name: forName }) : t('diagnose.newAssessment')}
      okText={t('diagnose.create')}
      cancelText={t('diagnose.cancel')}
      onOk={() => void submit().catch(() => undefined)}
      confirmLoading={create.isPending}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={{ mode: 'self' }} preserve={false}>
        <Form.Item name="modelId" label={t('diagnose.model')} rules={[{ required: true }]}>
          <Select
            loading={models.isPending}
            placeholder={t('diagnose.model')}
            optionLabelProp="label"
            // every standard in the list at once (a dozen at most): none hidden behind a virtual scroll
            virtual={false}
            options={(models.data ?? []).map((m) => ({
              value: m.id,
              label: tx(m.title),
              title: tx(m.title),
              desc: (
                <Space direction="vertical" size={0} style={{ whiteSpace: 'normal' }}>
                  <Typography.Text>{tx(m.title)}</Typography.Text>
                  <Space size={4}>
                    <Tag>{t(`diagnose.families.${m.family}`)}</Tag>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {m.id} v{m.version}
                    </Typography.Text>
                  </Space>
                </Space>
              ),
            }))}
            optionRender={(o) => o.data.desc}
          />
        </Form.Item>
        {chosen?.description && (
          <Typography.Paragraph type="secondary" style={{ marginTop: -8 }}>
            {tx(chosen.description)}
          </Typography.Paragraph>
        )}
        {chosen && chosen.weightTables.length > 0 && (
          <Form.Item name="weightTable" label={t('diagnose.weightTable')} rules={[{ required: true }]}>
            <Radio.Group
              options={chosen.weightTables.map((w) => ({ value: w.id, label: tx(w.name) }))}
              optionType="button"
            />
          </Form.Item>
        )}
        <Form.Item name="mode" label={t('diagnose.mode')}>
          <Radio.Group
            optionType="button"
            options={ASSESSMENT_MODES.map((m) => ({
              value: m,
              label: t(`diagnose.modes.${m}`),
            }))}
          />
        </Form.Item>
        <Form.Item
          name="title"
          label={t('diagnose.titleLabel')}
          rules={[{ required: true, whitespace: true }]}
        >
          <Input maxLength={200} />
        </Form.Item>
        {create.error && <Alert type="error" showIcon message={create.error.message} />}
      </Form>
    </Modal>
  );
}
