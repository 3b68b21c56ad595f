import { Button, Checkbox, InputNumber, Radio, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type {
  ChecklistIndicatorSystem,
  QuestionDef,
  SceneDef,
  StagedIndicatorSystem,
} from '../../../../src/core/diagnosis/model-schema.ts';
import type { AnswerValue } from './api.ts';
import { useText } from './diagnose-ui.ts';

/** What an item asks, as the answer form needs it. */
export type ItemDef =
  | { kind: 'question'; def: QuestionDef }
  | { kind: 'scene'; def: SceneDef }
  | { kind: 'requirement'; grades: StagedIndicatorSystem['rules']['grades'] }
  | { kind: 'check'; conformance: ChecklistIndicatorSystem['conformance'] };

interface Props {
  item: ItemDef;
  value: AnswerValue | null;
  disabled: boolean;
  onChange: (value: AnswerValue | null) => void;
  /** accessible name of the control group */
  label: string;
}

const vertical = { display: 'flex', flexDirection: 'column', gap: 6 } as const;

/** The input of one item: radio (single), checkboxes with an exclusive 无 (multi), percent (ratio), levels, grades. */
export function ItemInput({ item, value, disabled, onChange, label }: Props) {
  const { t } = useTranslation();
  const { lang, tx } = useText();
  const clear =
    value !== null && !disabled ? (
      <Button type="link" size="small" onClick={() => onChange(null)} style={{ padding: 0 }}>
        {t('diagnose.clear')}
      </Button>
    ) : null;

  if (item.kind === 'question') {
    const q = item.def;
    if (q.type === 'single')
      return (
        <Space direction="vertical" size={4} style={{ width: '100%' }}>
          <Radio.Group
            aria-label={label}
            disabled={disabled}
            value={typeof value === 'string' ? value : undefined}
            onChange={(e) => onChange(String(e.target.value))}
            style={vertical}
            options={q.options.map((o) => ({ value: o.id, label: `${o.id}. ${tx(o.text)}` }))}
          />
          {clear}
        </Space>
      );
    if (q.type === 'multi') {
      const chosen = Array.isArray(value)
        ? value
        : typeof value === 'string' && value !== ''
          ? value.split(/[,，\s]+/)
          : [];
      const exclusive = new Set(q.options.filter((o) => o.exclusive).map((o) => o.id));
      const change = (next: string[]) => {
        const added = next.filter((x) => !chosen.includes(x));
        let out = next;
        if (added.some((x) => exclusive.has(x))) out = added.filter((x) => exclusive.has(x)).slice(0, 1);
        else if (added.length > 0) out = next.filter((x) => !exclusive.has(x));
        const ordered = q.options.map((o) => o.id).filter((id) => out.includes(id));
        onChange(ordered.length > 0 ? ordered : null);
      };
      return (
        <Space direction="vertical" size={4} style={{ width: '100%' }}>
          <Checkbox.Group
            aria-label={label}
            disabled={disabled}
            value={chosen}
            onChange={(v) => change(v.map(String))}
            style={vertical}
            options={q.options.map((o) => ({ value: o.id, label: `${o.id}. ${tx(o.text)}` }))}
          />
          {clear}
        </Space>
      );
    }
    const percent =
      typeof value === 'number'
        ? value
        : value && typeof value === 'object' && !Array.isArray(value) && q.fields
          ? ((value[q.fields.numerator.zh] ?? 0) / (value[q.fields.denominator.zh] || 1)) * 100
          : null;
    return (
      <Space wrap>
        <InputNumber
          aria-label={label}
          disabled={disabled}
          min={0}
          max={100}
          step={1}
          precision={2}
          value={percent}
          onChange={(v) => onChange(typeof v === 'number' ? v : null)}
          suffix="%"
          style={{ width: 140 }}
        />
        {q.fields && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            = {tx(q.fields.numerator)} / {tx(q.fields.denominator)} × 100
          </Typography.Text>
        )}
      </Space>
    );
  }

  if (item.kind === 'scene') {
    const names = t('diagnose.sceneLevels', { returnObjects: true }) as string[];
    return (
      <Space direction="vertical" size={4} style={{ width: '100%' }}>
        <Radio.Group
          aria-label={label}
          disabled={disabled}
          value={typeof value === 'number' ? value : undefined}
          onChange={(e) => onChange(Number(e.target.value))}
          style={vertical}
          options={[
            { value: 0, label: `0 · ${names[0] ?? '0'}` },
            ...item.def.levels.map((d, i) => ({
              value: i + 1,
              label: (
                <span>
                  <Typography.Text strong>{`${i + 1} · ${names[i + 1] ?? i + 1}`}</Typography.Text>{' '}
                  <Typography.Text type="secondary">{tx(d)}</Typography.Text>
                </span>
              ),
            })),
          ]}
        />
        {clear}
      </Space>
    );
  }

  const buttons =
    item.kind === 'requirement'
      ? item.grades.map((g) => ({ value: g.value, label: `${g.value} ${g.name[lang]}` }))
      : [
          ...item.conformance.map((g) => ({ value: g.id, label: g.name[lang] })),
          { value: 'na', label: t('diagnose.checklist.na') },
        ];
  return (
    <Space wrap size={4}>
      <Radio.Group
        aria-label={label}
        disabled={disabled}
        optionType="button"
        value={value ?? undefined}
        onChange={(e) => onChange(e.target.value as AnswerValue)}
        options={buttons}
      />
      {clear}
    </Space>
  );
}
