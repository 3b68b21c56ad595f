import { Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { addedOptions, optionLabels } from '../../../../src/core/diagnosis/option-labels.ts';
import type { AnswerValue, IndicatorSystem } from './api.ts';

/** Options listed before "+ n more" (a multiple choice's best answer may name a dozen). */
const SHOWN = 3;

/**
 * A result's answer (gap, next-level change) in words: a choice question's options as "B. text" clipped, the full
 * text on hover, one a line, a long list folded behind "+ n more"; anything else (a ratio, a scene level, a grade) as
 * `plain` shows it. `addedTo`: show only what the answer adds to that one ("新增：…"), when it only adds.
 */
export function OptionAnswer({
  model,
  itemId,
  value,
  plain,
  addedTo,
}: {
  model: IndicatorSystem;
  itemId: string;
  value: AnswerValue | null | undefined;
  plain: (v: AnswerValue | null | undefined) => string;
  addedTo?: AnswerValue | null | undefined;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'zh';
  const [open, setOpen] = useState(false);
  const added =
    addedTo !== undefined && Array.isArray(addedTo) && addedTo.length > 0
      ? addedOptions(addedTo, value)
      : null;
  const shownValue = added !== null && added.length > 0 ? added : value;
  const labels = optionLabels(model, itemId, shownValue, lang);
  if (!labels) return <span>{plain(value)}</span>;
  const visible = open ? labels : labels.slice(0, SHOWN);
  return (
    <span data-testid="option-answer" style={{ display: 'inline-flex', flexDirection: 'column', gap: 2 }}>
      {shownValue !== value && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('diagnose.result.added')}
        </Typography.Text>
      )}
      {visible.map((o) => (
        <Tooltip key={o.id} title={o.text === o.short ? undefined : `${o.id}. ${o.text}`}>
          <span lang={o.lang === 'zh' ? 'zh-CN' : 'en'}>
            <Typography.Text strong>{o.id}.</Typography.Text> {o.short}
          </span>
        </Tooltip>
      ))}
      {labels.length > SHOWN && (
        <Typography.Link style={{ fontSize: 12 }} onClick={() => setOpen((x) => !x)}>
          {open ? t('diagnose.result.less') : t('diagnose.result.more', { count: labels.length - SHOWN })}
        </Typography.Link>
      )}
    </span>
  );
}
