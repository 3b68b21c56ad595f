import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Col,
  Empty,
  Flex,
  Form,
  Input,
  InputNumber,
  Row,
  Select,
  Space,
  Typography,
} from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError } from '../../api/client.ts';
import { StaleVersionDialog } from '../../components/StaleVersionDialog.tsx';
import { useVersionedSave } from '../../components/useVersionedSave.ts';
import { useMe } from '../account/api.ts';
import {
  useOwnProfile,
  useSaveProfile,
  useScenarioNames,
  type ProfileFields,
  type ProviderProfileView,
  useClassNames,
} from './api.ts';
import { GradingAnswersCard } from './GradingAnswersCard.tsx';
import { INDUSTRY_CODE, REGION_CODE, scenarioLabel } from './provider-ui.ts';

/** The form's values: the profile's fields, with optional numbers and texts as the inputs hold them. */
type FormValues = ProfileFields;

const blankProduct = (n: number) => ({
  id: `product-${n}`,
  name: '',
  scenarios: [],
  price: { min: 0, max: 0 },
  deployment: ['cloud'],
  pricing: ['subscription'],
});

/** Drop empty optional texts (the inputs hold '' where the profile has nothing). */
function cleaned(values: FormValues): ProfileFields {
  const text = (s: string | undefined) => (s && s.trim() ? s.trim() : undefined);
  return {
    ...values,
    references: (values.references ?? []).map((r) => {
      const enterprise = text(r.enterprise);
      const industry = text(r.industry);
      const region = text(r.region);
      return {
        title: r.title.trim(),
        scenarios: r.scenarios ?? [],
        ...(enterprise ? { enterprise } : {}),
        ...(industry ? { industry } : {}),
        ...(region ? { region } : {}),
        ...(typeof r.year === 'number' ? { year: r.year } : {}),
      };
    }),
    certifications: (values.certifications ?? []).map((c) => {
      const issuer = text(c.issuer);
      const validUntil = text(c.validUntil);
      return {
        name: c.name.trim(),
        ...(issuer ? { issuer } : {}),
        ...(validUntil ? { validUntil } : {}),
      };
    }),
    products: (values.products ?? []).map((p) => ({ ...p, id: p.id.trim(), name: p.name.trim() })),
  };
}

const formOf = ({ profile }: ProviderProfileView): FormValues => {
  const { id: _id, name: _name, ...fields } = profile;
  return fields;
};

/** /providers/own — a provider organisation edits its own profile, saved by version. */
export function ProfileEditPage() {
  const { t } = useTranslation();
  const me = useMe().data;
  const isProvider = me?.organisation.orgKind === 'service_provider';
  const own = useOwnProfile(isProvider);
  if (!isProvider) return <Empty description={t('providers.edit.notProvider')} />;
  if (own.isError)
    return <Alert type="error" showIcon title={t('providers.loadFailed', { message: own.error.message })} />;
  if (!own.data) return <Card loading />;
  return <ProfileForm loaded={own.data} canWrite={me.organisation.role !== 'viewer'} />;
}

function ProfileForm({ loaded, canWrite }: { loaded: ProviderProfileView; canWrite: boolean }) {
  const { t, i18n } = useTranslation();
  const { typeIds, typeName, categoryIds, categoryName } = useClassNames();
  const lang = i18n.language;
  const { message } = App.useApp();
  const names = useScenarioNames();
  const [form] = Form.useForm<FormValues>();
  const [base, setBase] = useState(loaded);
  const [grading, setGrading] = useState(loaded.gradingAnswers);
  const save = useSaveProfile();
  const { stale, close } = useVersionedSave<ProviderProfileView>(save);
  useEffect(() => form.setFieldsValue(formOf(base)), [base, form]);

  const scenarioOptions = [...names.keys()].sort().map((code) => ({
    value: code,
    label: scenarioLabel(names, code, lang),
  }));
  const problems =
    save.error instanceof ApiError && save.error.status === 400
      ? ((save.error.details as { problems?: { field: string; message: string }[] } | null)?.problems ?? [])
      : [];

  const submit = (values: FormValues) =>
    save.mutate(
      { version: base.version, profile: cleaned(values), gradingAnswers: grading },
      {
        onSuccess: (view) => {
          setBase(view);
          setGrading(view.gradingAnswers);
          void message.success(t('providers.edit.saved', { version: view.version }));
        },
      },
    );

  const codeRule = (pattern: RegExp) => ({
    validator: (_: unknown, value: string[] | undefined) =>
      (value ?? []).every((v) => pattern.test(v))
        ? Promise.resolve()
        : Promise.reject(new Error(t('providers.edit.codesHint'))),
  });
  const required = { required: true, message: t('providers.edit.required') };

  return (
    <div data-testid="provider-edit">
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('providers.edit.title')} · {base.profile.name}
        </Typography.Title>
        <Link to={`/providers/${base.profile.id}`}>{t('providers.edit.cancel')}</Link>
      </Flex>
      <Typography.Paragraph type="secondary">{t('providers.edit.intro')}</Typography.Paragraph>
      {!canWrite && (
        <Alert type="info" showIcon title={t('providers.edit.readOnly')} style={{ marginBottom: 12 }} />
      )}
      <StaleVersionDialog
        open={stale !== null}
        changed={stale ? [t('providers.edit.staleChanged', { version: stale.currentVersion })] : []}
        onReload={() => {
          if (stale) {
            setBase(stale.current);
            setGrading(stale.current.gradingAnswers);
          }
          close();
        }}
        onCancel={close}
      />
      {save.isError && !stale && (
        <Alert
          type="error"
          showIcon
          role="alert"
          data-testid="provider-edit-error"
          title={problems.length > 0 ? t('providers.edit.problems') : save.error.message}
          description={
            problems.length > 0 ? (
              <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                {problems.map((p) => (
                  <li key={p.field}>
                    {p.field}: {p.message}
                  </li>
                ))}
              </ul>
            ) : undefined
          }
          style={{ marginBottom: 12 }}
        />
      )}
      <Form<FormValues>
        form={form}
        layout="vertical"
        disabled={!canWrite}
        initialValues={formOf(base)}
        onFinish={submit}
        requiredMark={false}
      >
        <Card size="small" style={{ marginBottom: 16 }}>
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item name="types" label={t('providers.edit.types')} rules={[required]}>
                <Select
                  mode="multiple"
                  data-testid="edit-types"
                  options={typeIds.map((id) => ({ value: id, label: typeName(id) }))}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="categories" label={t('providers.edit.categories')}>
                <Select
                  mode="multiple"
                  options={categoryIds.map((id) => ({ value: id, label: categoryName(id) }))}
                />
              </Form.Item>
            </Col>
            <Col xs={24}>
              <Form.Item name="capabilities" label={t('providers.edit.capabilities')}>
                <Select
                  mode="multiple"
                  showSearch
                  optionFilterProp="label"
                  options={scenarioOptions}
                  data-testid="edit-capabilities"
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                name="industries"
                label={t('providers.edit.industries')}
                extra={t('providers.edit.codesHint')}
                rules={[codeRule(INDUSTRY_CODE)]}
              >
                <Select mode="tags" open={false} suffixIcon={null} data-testid="edit-industries" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                name="regions"
                label={t('providers.edit.regions')}
                extra={t('providers.edit.codesHint')}
                rules={[codeRule(REGION_CODE)]}
              >
                <Select mode="tags" open={false} suffixIcon={null} data-testid="edit-regions" />
              </Form.Item>
            </Col>
          </Row>
        </Card>

        <Form.List name="products">
          {(fields, { add, remove }) => (
            <Card
              size="small"
              title={t('providers.edit.products')}
              style={{ marginBottom: 16 }}
              extra={
                <Button
                  size="small"
                  icon={<PlusOutlined />}
                  onClick={() => add(blankProduct(fields.length + 1))}
                  data-testid="add-product"
                >
                  {t('providers.edit.addProduct')}
                </Button>
              }
            >
              {fields.map((field) => (
                <Card
                  key={field.key}
                  size="small"
                  type="inner"
                  style={{ marginBottom: 8 }}
                  data-testid={`product-${field.name}`}
                  extra={
                    <Button
                      size="small"
                      type="text"
                      danger
                      icon={<DeleteOutlined />}
                      aria-label={t('providers.edit.remove')}
                      onClick={() => remove(field.name)}
                    />
                  }
                >
                  <Row gutter={12}>
                    <Col xs={24} md={8}>
                      <Form.Item
                        name={[field.name, 'id']}
                        label={t('providers.edit.product.id')}
                        rules={[required]}
                      >
                        <Input />
                      </Form.Item>
                    </Col>
                    <Col xs={24} md={16}>
                      <Form.Item
                        name={[field.name, 'name']}
                        label={t('providers.edit.product.name')}
                        rules={[required]}
                      >
                        <Input data-testid={`product-${field.name}-name`} />
                      </Form.Item>
                    </Col>
                    <Col xs={24}>
                      <Form.Item
                        name={[field.name, 'scenarios']}
                        label={t('providers.edit.product.scenarios')}
                        rules={[required]}
                      >
                        <Select
                          mode="multiple"
                          showSearch
                          optionFilterProp="label"
                          options={scenarioOptions}
                        />
                      </Form.Item>
                    </Col>
                    <Col xs={12} md={6}>
                      <Form.Item
                        name={[field.name, 'price', 'min']}
                        label={t('providers.edit.product.min')}
                        rules={[required]}
                      >
                        <InputNumber min={0} style={{ width: '100%' }} />
                      </Form.Item>
                    </Col>
                    <Col xs={12} md={6}>
                      <Form.Item
                        name={[field.name, 'price', 'max']}
                        label={t('providers.edit.product.max')}
                        rules={[required]}
                      >
                        <InputNumber min={0} style={{ width: '100%' }} />
                      </Form.Item>
                    </Col>
                    <Col xs={12} md={6}>
                      <Form.Item
                        name={[field.name, 'deployment']}
                        label={t('providers.edit.product.deployment')}
                        rules={[required]}
                      >
                        <Checkbox.Group
                          options={(['cloud', 'on-premises'] as const).map((d) => ({
                            value: d,
                            label: t(`providers.deployment.${d}`),
                          }))}
                        />
                      </Form.Item>
                    </Col>
                    <Col xs={12} md={6}>
                      <Form.Item
                        name={[field.name, 'pricing']}
                        label={t('providers.edit.product.pricing')}
                        rules={[required]}
                      >
                        <Checkbox.Group
                          options={(['subscription', 'licence'] as const).map((d) => ({
                            value: d,
                            label: t(`providers.pricing.${d}`),
                          }))}
                        />
                      </Form.Item>
                    </Col>
                  </Row>
                </Card>
              ))}
            </Card>
          )}
        </Form.List>

        <Form.List name="references">
          {(fields, { add, remove }) => (
            <Card
              size="small"
              title={t('providers.edit.references')}
              style={{ marginBottom: 16 }}
              extra={
                <Button
                  size="small"
                  icon={<PlusOutlined />}
                  onClick={() => add({ title: '', scenarios: [] })}
                >
                  {t('providers.edit.addReference')}
                </Button>
              }
            >
              {fields.map((field) => (
                <Row gutter={12} key={field.key} align="bottom">
                  <Col xs={24} md={7}>
                    <Form.Item
                      name={[field.name, 'title']}
                      label={t('providers.edit.reference.title')}
                      rules={[required]}
                    >
                      <Input />
                    </Form.Item>
                  </Col>
                  <Col xs={12} md={4}>
                    <Form.Item
                      name={[field.name, 'enterprise']}
                      label={t('providers.edit.reference.enterprise')}
                    >
                      <Input />
                    </Form.Item>
                  </Col>
                  <Col xs={12} md={3}>
                    <Form.Item
                      name={[field.name, 'industry']}
                      label={t('providers.edit.reference.industry')}
                      rules={[{ pattern: INDUSTRY_CODE, message: t('providers.edit.codesHint') }]}
                    >
                      <Input />
                    </Form.Item>
                  </Col>
                  <Col xs={12} md={3}>
                    <Form.Item
                      name={[field.name, 'region']}
                      label={t('providers.edit.reference.region')}
                      rules={[{ pattern: REGION_CODE, message: t('providers.edit.codesHint') }]}
                    >
                      <Input />
                    </Form.Item>
                  </Col>
                  <Col xs={12} md={2}>
                    <Form.Item name={[field.name, 'year']} label={t('providers.edit.reference.year')}>
                      <InputNumber min={1990} max={2100} style={{ width: '100%' }} />
                    </Form.Item>
                  </Col>
                  <Col xs={20} md={4}>
                    <Form.Item
                      name={[field.name, 'scenarios']}
                      label={t('providers.edit.reference.scenarios')}
                    >
                      <Select mode="multiple" showSearch optionFilterProp="label" options={scenarioOptions} />
                    </Form.Item>
                  </Col>
                  <Col xs={4} md={1}>
                    <Form.Item>
                      <Button
                        type="text"
                        danger
                        icon={<DeleteOutlined />}
                        aria-label={t('providers.edit.remove')}
                        onClick={() => remove(field.name)}
                      />
                    </Form.Item>
                  </Col>
                </Row>
              ))}
            </Card>
          )}
        </Form.List>

        <Form.List name="certifications">
          {(fields, { add, remove }) => (
            <Card
              size="small"
              title={t('providers.edit.certifications')}
              style={{ marginBottom: 16 }}
              extra={
                <Button size="small" icon={<PlusOutlined />} onClick={() => add({ name: '' })}>
                  {t('providers.edit.addCertification')}
                </Button>
              }
            >
              {fields.map((field) => (
                <Row gutter={12} key={field.key} align="bottom">
                  <Col xs={24} md={10}>
                    <Form.Item
                      name={[field.name, 'name']}
                      label={t('providers.edit.certification.name')}
                      rules={[required]}
                    >
                      <Input />
                    </Form.Item>
                  </Col>
                  <Col xs={12} md={7}>
                    <Form.Item name={[field.name, 'issuer']} label={t('providers.edit.certification.issuer')}>
                      <Input />
                    </Form.Item>
                  </Col>
                  <Col xs={10} md={6}>
                    <Form.Item
                      name={[field.name, 'validUntil']}
                      label={t('providers.edit.certification.validUntil')}
                    >
                      <Input type="date" lang={lang.startsWith('en') ? 'en-GB' : 'zh-CN'} />
                    </Form.Item>
                  </Col>
                  <Col xs={2} md={1}>
                    <Form.Item>
                      <Button
                        type="text"
                        danger
                        icon={<DeleteOutlined />}
                        aria-label={t('providers.edit.remove')}
                        onClick={() => remove(field.name)}
                      />
                    </Form.Item>
                  </Col>
                </Row>
              ))}
            </Card>
          )}
        </Form.List>
        <GradingAnswersCard answers={grading} onChange={setGrading} disabled={!canWrite} />
        <Space>
          <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="profile-save">
            {t('providers.edit.save')}
          </Button>
        </Space>
      </Form>
    </div>
  );
}
