import {
  Alert,
  Button,
  Card,
  Checkbox,
  Col,
  Flex,
  Form,
  Input,
  InputNumber,
  Radio,
  Row,
  Select,
  Steps,
  Tag,
  Typography,
} from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { ENTERPRISE_TYPES, PROCESS_TYPES, type PlanSettings } from '../../../../src/contracts/planning.ts';
import {
  adviseStrategy,
  defaultSettings,
  type EnterpriseProfile,
  type EnterpriseType,
  type ProcessType,
} from '../../../../src/core/planning/candidates-defaults.ts';
import { ApiError } from '../../api/client.ts';
import { useCreatePlan, usePlanOptions } from './api.ts';
import { useLocalized } from '../atlas/atlas-ui.ts';
import {
  SETTING_FIELDS,
  SETTING_KEYS,
  settingLabel,
  shownSetting,
  withSetting,
  type NumberKey,
} from './new-plan-settings.ts';
import { StartInput } from './StartInput.tsx';
import { useGapName } from './gap-names.ts';

/** The production types as the wizard offers them: 离散型 first (the contract lists 流程型 first). */
const PROCESS_TYPE_CHOICES = [...PROCESS_TYPES].reverse();

interface Draft {
  title: string;
  pack: string | undefined;
  profile: EnterpriseProfile;
  painPoints: string[];
  assessmentId: string | undefined;
  /** the diagnosis gaps ticked on its result page (?gap=…): only those become candidates; none: every gap */
  gaps: string[];
  /** the settings the user changed, sent as they are; the others are the defaults for the profile */
  settings: Partial<PlanSettings>;
}

/** /plan/new — profile → pain points → optional diagnosis → settings → create. */
export function NewPlanPage() {
  const { t } = useTranslation();
  const { tx } = useLocalized();
  const navigate = useNavigate();
  // ?assessment=<id>: started from a diagnosis result ("make a plan from these gaps"), that assessment pre-selected
  const [search] = useSearchParams();
  const [step, setStep] = useState(0);
  const [draft, setDraft] = useState<Draft>({
    title: t('plan.wizard.defaultTitle'),
    pack: undefined,
    profile: {
      industry: '',
      processType: 'discrete',
      employees: 300,
      revenue: 30_000,
      enterpriseType: 'little-giant',
    },
    painPoints: [],
    assessmentId: search.get('assessment') ?? undefined,
    gaps: search.get('assessment') ? search.getAll('gap').filter((g) => g !== '') : [],
    settings: {},
  });
  const options = usePlanOptions(draft.pack);
  const gapName = useGapName(draft.assessmentId ?? null);
  const create = useCreatePlan();
  const profile = draft.profile;
  const setProfile = (change: Partial<EnterpriseProfile>) =>
    setDraft((d) => ({ ...d, profile: { ...d.profile, ...change } }));
  const advice = adviseStrategy(profile.enterpriseType);
  const defaults = defaultSettings(profile, new Date());

  const grouped = useMemo(() => {
    const data = options.data;
    if (!data) return [];
    return data.categories
      .map((c) => ({ category: c, painPoints: data.painPoints.filter((p) => p.category === c.id) }))
      .filter((g) => g.painPoints.length > 0);
  }, [options.data]);

  const submit = () => {
    create.mutate(
      {
        title: draft.title.trim() || t('plan.wizard.defaultTitle'),
        atlasPackId: draft.pack ?? options.data?.pack ?? 'guide-2024',
        profile: { ...profile, industry: profile.industry.trim() || '—' },
        painPoints: draft.painPoints,
        ...(draft.assessmentId ? { assessmentId: draft.assessmentId } : {}),
        ...(draft.assessmentId && draft.gaps.length > 0 ? { gaps: draft.gaps } : {}),
        settings: draft.settings,
      },
      { onSuccess: (plan) => void navigate(`/plan/${plan.id}`) },
    );
  };

  const canContinue = step !== 1 || draft.painPoints.length > 0 || draft.assessmentId !== undefined;
  const steps = [
    { title: t('plan.wizard.steps.profile') },
    { title: t('plan.wizard.steps.painPoints') },
    { title: t('plan.wizard.steps.assessment') },
    { title: t('plan.wizard.steps.settings') },
  ];

  return (
    <div>
      <Typography.Title level={3}>{t('plan.wizard.title')}</Typography.Title>
      <Steps current={step} items={steps} size="small" style={{ marginBottom: 24 }} responsive={false} />
      {step === 0 && (
        <Form layout="vertical" style={{ maxWidth: 720 }}>
          <Form.Item label={t('plan.wizard.planTitle')}>
            <Input value={draft.title} onChange={(e) => setDraft((d) => ({ ...d, title: e.target.value }))} />
          </Form.Item>
          <Row gutter={16}>
            <Col xs={24} sm={12}>
              <Form.Item label={t('plan.wizard.name')}>
                <Input value={profile.name ?? ''} onChange={(e) => setProfile({ name: e.target.value })} />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12}>
              <Form.Item label={t('plan.wizard.industry')}>
                <Input
                  value={profile.industry}
                  placeholder={t('plan.wizard.industryPlaceholder')}
                  onChange={(e) => setProfile({ industry: e.target.value })}
                />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12}>
              <Form.Item label={t('plan.wizard.enterpriseType')}>
                <Select<EnterpriseType>
                  value={profile.enterpriseType}
                  onChange={(value) => setProfile({ enterpriseType: value })}
                  options={ENTERPRISE_TYPES.map((id) => ({
                    value: id,
                    label: t(`plan.enterpriseTypes.${id}`),
                  }))}
                />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12}>
              <Form.Item label={t('plan.wizard.processType')}>
                <Radio.Group
                  value={profile.processType}
                  onChange={(e) => setProfile({ processType: e.target.value as ProcessType })}
                  options={PROCESS_TYPE_CHOICES.map((id) => ({ value: id, label: t(`plan.wizard.${id}`) }))}
                />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12}>
              <Form.Item label={t('plan.wizard.employees')}>
                <InputNumber
                  min={1}
                  style={{ width: '100%' }}
                  value={profile.employees}
                  onChange={(v) => v !== null && setProfile({ employees: v })}
                />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12}>
              <Form.Item label={t('plan.wizard.revenue')}>
                <InputNumber
                  min={1}
                  style={{ width: '100%' }}
                  value={profile.revenue}
                  onChange={(v) => v !== null && setProfile({ revenue: v })}
                />
              </Form.Item>
            </Col>
          </Row>
          <Alert
            type="success"
            showIcon
            data-testid="plan-strategy"
            title={t('plan.colon', { label: t('plan.wizard.strategy') }) + tx(advice.name)}
            description={tx(advice.explanation)}
          />
        </Form>
      )}
      {step === 1 && (
        <div>
          <Flex gap={12} align="center" wrap style={{ marginBottom: 12 }}>
            {(options.data?.packs.length ?? 0) > 1 && (
              <Select
                style={{ minWidth: 220 }}
                value={draft.pack ?? options.data?.pack}
                onChange={(pack: string) => setDraft((d) => ({ ...d, pack, painPoints: [] }))}
                options={options.data?.packs.map((p) => ({ value: p.id, label: tx(p.title) }))}
                aria-label={t('plan.wizard.pack')}
              />
            )}
            <Typography.Text type="secondary">{t('plan.wizard.painPointsHint')}</Typography.Text>
            <Tag color="blue">{t('plan.wizard.selected', { count: draft.painPoints.length })}</Tag>
          </Flex>
          <Checkbox.Group
            value={draft.painPoints}
            onChange={(values) => setDraft((d) => ({ ...d, painPoints: values }))}
            style={{ display: 'block' }}
          >
            <Row gutter={[12, 12]}>
              {grouped.map(({ category, painPoints }) => (
                <Col key={category.id} xs={24} md={12} xl={8}>
                  <Card size="small" title={tx(category.name)} style={{ height: '100%' }}>
                    <Flex vertical gap={6}>
                      {painPoints.map((p) => (
                        <Checkbox key={p.id} value={p.id} data-testid={`pain-${p.id}`}>
                          {tx(p.name)}{' '}
                          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                            {t('plan.wizard.scenarios', { count: p.scenarios })}
                          </Typography.Text>
                        </Checkbox>
                      ))}
                    </Flex>
                  </Card>
                </Col>
              ))}
            </Row>
          </Checkbox.Group>
        </div>
      )}
      {step === 2 && (
        <div style={{ maxWidth: 720 }}>
          <Typography.Paragraph type="secondary">{t('plan.wizard.assessmentHint')}</Typography.Paragraph>
          <Radio.Group
            value={draft.assessmentId ?? ''}
            onChange={(e) => {
              const value = e.target.value as string;
              // the ticks belong to the assessment they were ticked on
              setDraft((d) => ({ ...d, assessmentId: value === '' ? undefined : value, gaps: [] }));
            }}
          >
            <Flex vertical gap={8}>
              <Radio value="">{t('plan.wizard.noAssessment')}</Radio>
              {options.data?.assessments.map((a) => (
                <Radio key={a.id} value={a.id}>
                  {a.title} <Tag>{t('plan.wizard.gaps', { count: a.gaps })}</Tag>
                </Radio>
              ))}
            </Flex>
          </Radio.Group>
          {draft.assessmentId && draft.gaps.length > 0 && (
            <Alert
              type="info"
              showIcon
              style={{ marginTop: 12 }}
              data-testid="ticked-gaps"
              title={t('plan.wizard.tickedGaps', { count: draft.gaps.length })}
              description={draft.gaps.map(gapName).join(t('plan.wizard.listSeparator'))}
              action={
                <Button size="small" onClick={() => setDraft((d) => ({ ...d, gaps: [] }))}>
                  {t('plan.wizard.allGaps')}
                </Button>
              }
            />
          )}
          {options.data?.assessments.length === 0 && (
            <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
              {t('plan.wizard.noAssessments')}
            </Typography.Paragraph>
          )}
        </div>
      )}
      {step === 3 && (
        <Form layout="vertical" style={{ maxWidth: 720 }}>
          <Alert type="info" showIcon title={t('plan.wizard.settingsHint')} style={{ marginBottom: 16 }} />
          <Row gutter={16}>
            {SETTING_KEYS.map((key) => {
              const field = SETTING_FIELDS[key];
              return (
                <Col key={key} xs={24} sm={12}>
                  <Form.Item label={t(`plan.wizard.${settingLabel(key)}`)}>
                    {field.quarter ? (
                      <StartInput
                        label={t(`plan.wizard.${settingLabel(key)}`)}
                        value={draft.settings.start ?? defaults.start}
                        onChange={(v) =>
                          setDraft((d) => ({ ...d, settings: withSetting(d.settings, key, v) }))
                        }
                      />
                    ) : (
                      <InputNumber
                        style={{ width: '100%' }}
                        min={field.min}
                        max={field.max}
                        step={field.step}
                        value={shownSetting(draft.settings, defaults, key as NumberKey)}
                        onChange={(v) =>
                          setDraft((d) => ({ ...d, settings: withSetting(d.settings, key, v) }))
                        }
                      />
                    )}
                  </Form.Item>
                </Col>
              );
            })}
          </Row>
        </Form>
      )}
      {create.error && (
        <Alert
          type="error"
          showIcon
          style={{ marginTop: 16 }}
          title={create.error.message}
          description={
            create.error instanceof ApiError ? <ProblemList details={create.error.details} /> : undefined
          }
        />
      )}
      {!canContinue && (
        <Typography.Paragraph type="warning" style={{ marginTop: 12 }}>
          {t('plan.wizard.needPainPoint')}
        </Typography.Paragraph>
      )}
      <Flex gap={8} style={{ marginTop: 24 }}>
        {step > 0 && <Button onClick={() => setStep(step - 1)}>{t('plan.wizard.back')}</Button>}
        {step < steps.length - 1 ? (
          <Button type="primary" disabled={!canContinue} onClick={() => setStep(step + 1)}>
            {t('plan.wizard.next')}
          </Button>
        ) : (
          <Button
            type="primary"
            loading={create.isPending}
            disabled={draft.painPoints.length === 0 && draft.assessmentId === undefined}
            onClick={submit}
          >
            {t('plan.wizard.create')}
          </Button>
        )}
      </Flex>
    </div>
  );
}

/** The `problems` of a 400 invalid_plan answer, one per line. */
export function ProblemList({ details }: { details: unknown }) {
  const problems =
    details && typeof details === 'object' && 'problems' in details && Array.isArray(details.problems)
      ? (details.problems as { initiative?: string; field?: string; message?: string }[])
      : [];
  if (problems.length === 0) return null;
  return (
    <ul style={{ margin: 0, paddingInlineStart: 20 }} data-testid="plan-problems">
      {problems.map((p, k) => (
        <li key={k}>
          {p.initiative ? <strong>{p.initiative} </strong> : null}
          <Typography.Text type="secondary">{p.field}</Typography.Text>: {p.message}
        </li>
      ))}
    </ul>
  );
}
