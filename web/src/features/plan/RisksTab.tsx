import {
  Alert,
  Button,
  Form,
  Input,
  InputNumber,
  Modal,
  Popconfirm,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { localizeRisk } from '../../../../src/core/planning/default-risks.ts';
import {
  useDeleteRisk,
  useReplacePlan,
  useSaveRisk,
  type AssessedRisk,
  type PlanView,
  type RiskInput,
} from './api.ts';
import { StaleVersionDialog } from '../../components/StaleVersionDialog.tsx';
import { useVersionedSave } from '../../components/useVersionedSave.ts';
import { useLocalized } from '../atlas/atlas-ui.ts';
import { usePlanPartLabel } from './plan-merge.ts';
import { BAND_COLOURS, BANDS_WORST_FIRST, money } from './plan-ui.ts';

const wrapped = (text: string) => <div style={{ minWidth: 160 }}>{text}</div>;

const EMPTY: RiskInput = { title: '', likelihood: 3, impact: 3, mitigation: '' };

/**
 * 风险评估: the register (likelihood × impact, band, mitigation) and its plan-level summary. The default risks show in
 * the UI's language (and are edited from there); typed risks as typed.
 */
export function RisksTab({ plan, canWrite }: { plan: PlanView; canWrite: boolean }) {
  const { t } = useTranslation();
  const { tx, lang } = useLocalized();
  const save = useSaveRisk(plan.id);
  const remove = useDeleteRisk(plan.id);
  // the plan version the risk was opened at: saved with it (409 stale_version when someone changed it since)
  const [editing, setEditing] = useState<{ riskId?: string; risk: RiskInput; version: number } | null>(null);
  const { stale, close } = useVersionedSave<PlanView>(save);
  const replacePlan = useReplacePlan();
  const partLabel = usePlanPartLabel();
  const summary = plan.riskSummary;

  const columns = [
    { title: 'ID', dataIndex: 'id', width: 56 },
    // long texts (English titles, mitigations) wrap rather than push the other columns off the page
    { title: t('plan.risks.title'), dataIndex: 'title', render: wrapped },
    {
      title: t('plan.risks.initiative'),
      dataIndex: 'initiativeId',
      width: 150,
      responsive: ['md' as const],
      // the initiative's code and name (a risk of the whole plan: —)
      render: (id?: string) => {
        if (id === undefined) return '—';
        const initiative = plan.initiatives.find((i) => i.id === id);
        return (
          <div data-testid="risk-initiative">
            <Typography.Text code>{id}</Typography.Text>
            {initiative && <div>{tx(initiative.name)}</div>}
          </div>
        );
      },
    },
    // on tablets the score tag (likelihood × impact) stands for both
    {
      title: t('plan.risks.likelihood'),
      dataIndex: 'likelihood',
      width: 90,
      align: 'center' as const,
      responsive: ['lg' as const],
    },
    {
      title: t('plan.risks.impact'),
      dataIndex: 'impact',
      width: 90,
      align: 'center' as const,
      responsive: ['lg' as const],
    },
    {
      title: t('plan.risks.score'),
      dataIndex: 'score',
      width: 100,
      render: (score: number, r: AssessedRisk) => (
        <Tag color={BAND_COLOURS[r.band]}>
          {score} · {t(`plan.risks.bands.${r.band}`)}
        </Tag>
      ),
    },
    {
      title: t('plan.risks.mitigation'),
      dataIndex: 'mitigation',
      responsive: ['lg' as const],
      render: wrapped,
    },
    {
      title: t('plan.risks.expectedLoss'),
      dataIndex: 'expectedLoss',
      align: 'right' as const,
      responsive: ['md' as const],
      render: (v: number) => money(v, lang),
    },
    ...(canWrite
      ? [
          {
            key: 'actions',
            width: 120,
            render: (_: unknown, r: AssessedRisk) => (
              <Space size={0}>
                <Button
                  type="link"
                  size="small"
                  onClick={() =>
                    setEditing({
                      version: plan.version,
                      riskId: r.id,
                      risk: {
                        title: r.title,
                        likelihood: r.likelihood,
                        impact: r.impact,
                        mitigation: r.mitigation,
                        ...(r.initiativeId ? { initiativeId: r.initiativeId } : {}),
                        ...(r.exposure === undefined ? {} : { exposure: r.exposure }),
                      },
                    })
                  }
                >
                  {t('plan.risks.edit')}
                </Button>
                <Popconfirm title={t('plan.risks.delete')} onConfirm={() => remove.mutate(r.id)}>
                  <Button type="link" size="small" danger>
                    {t('plan.risks.delete')}
                  </Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]
      : []),
  ];

  return (
    <div>
      <Space wrap style={{ marginBottom: 12 }}>
        <Typography.Text>
          {t('plan.risks.summary', { count: summary.count, loss: money(summary.expectedLoss, lang) })}
        </Typography.Text>
        {BANDS_WORST_FIRST.map((band) => (
          <Tag key={band} color={BAND_COLOURS[band]}>
            {t(`plan.risks.bands.${band}`)} {summary.byBand[band]}
          </Tag>
        ))}
        {canWrite && (
          <Button type="primary" onClick={() => setEditing({ risk: EMPTY, version: plan.version })}>
            {t('plan.risks.add')}
          </Button>
        )}
      </Space>
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        columns={columns}
        dataSource={plan.risks.map((r) => localizeRisk(r, lang)).sort((a, b) => b.score - a.score)}
        // fluid columns (long texts wrap) down to 640 px of table, scrolling sideways only below that
        scroll={{ x: 640 }}
      />
      <StaleVersionDialog
        open={stale !== null}
        changed={(stale?.changed ?? []).map(partLabel)}
        onReload={() => {
          if (stale) replacePlan(stale.current);
          close();
          setEditing(null);
        }}
        onCancel={close}
      />
      <Modal
        open={editing !== null}
        title={editing?.riskId ? t('plan.risks.edit') : t('plan.risks.add')}
        okText={t('plan.risks.save')}
        cancelText={t('plan.risks.cancel')}
        confirmLoading={save.isPending}
        onCancel={() => setEditing(null)}
        onOk={() =>
          editing &&
          save.mutate(editing, {
            onSuccess: () => setEditing(null),
          })
        }
        destroyOnHidden
      >
        {editing && (
          <Form layout="vertical">
            {save.error && !stale && (
              <Alert type="error" showIcon title={save.error.message} style={{ marginBottom: 12 }} />
            )}
            <Form.Item label={t('plan.risks.title')}>
              <Input
                value={editing.risk.title}
                onChange={(e) => setEditing({ ...editing, risk: { ...editing.risk, title: e.target.value } })}
              />
            </Form.Item>
            <Form.Item label={t('plan.risks.initiative')}>
              <Select
                allowClear
                value={editing.risk.initiativeId}
                placeholder={t('plan.risks.none')}
                onChange={(value: string | undefined) => {
                  const { initiativeId: _old, ...rest } = editing.risk;
                  setEditing({ ...editing, risk: value ? { ...rest, initiativeId: value } : rest });
                }}
                options={plan.initiatives.map((i) => ({ value: i.id, label: `${i.id} ${tx(i.name)}` }))}
              />
            </Form.Item>
            <Space wrap>
              {(['likelihood', 'impact'] as const).map((key) => (
                <Form.Item key={key} label={t(`plan.risks.${key}`)}>
                  <InputNumber
                    min={1}
                    max={5}
                    precision={0}
                    value={editing.risk[key]}
                    onChange={(v) =>
                      v !== null && setEditing({ ...editing, risk: { ...editing.risk, [key]: v } })
                    }
                  />
                </Form.Item>
              ))}
              <Form.Item label={t('plan.risks.exposure')}>
                <InputNumber
                  min={0}
                  value={editing.risk.exposure}
                  onChange={(v) => {
                    const { exposure: _old, ...rest } = editing.risk;
                    setEditing({ ...editing, risk: v === null ? rest : { ...rest, exposure: v } });
                  }}
                />
              </Form.Item>
            </Space>
            <Form.Item label={t('plan.risks.mitigation')}>
              <Input.TextArea
                rows={3}
                value={editing.risk.mitigation}
                onChange={(e) =>
                  setEditing({ ...editing, risk: { ...editing.risk, mitigation: e.target.value } })
                }
              />
            </Form.Item>
          </Form>
        )}
      </Modal>
    </div>
  );
}
