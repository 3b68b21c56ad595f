import { Alert, Button, Modal, Radio, Space, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Pick } from './stale-version.ts';

/** A field both of us changed: what I typed and what they saved, to pick one. */
export interface StaleConflict {
  key: string;
  label: string;
  mine: ReactNode;
  theirs: ReactNode;
}

/**
 * 409 stale_version: someone else saved the record since it was opened. Says what they changed; Reload discards my
 * edits and shows theirs; Merge (for a form of fields) keeps their changes where I did not edit and mine where I
 * did, and lets me pick for each field we both changed.
 */
export function StaleVersionDialog({
  open,
  changed,
  conflicts = [],
  onReload,
  onMerge,
  onCancel,
}: {
  open: boolean;
  /** what they changed, in words */
  changed: readonly string[];
  conflicts?: readonly StaleConflict[];
  onReload: () => void;
  /** absent: the record is not a form of fields, only Reload is offered */
  onMerge?: (picks: Record<string, Pick>) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [picks, setPicks] = useState<Record<string, Pick>>({});
  const what = changed.length > 0 ? changed.join(t('stale.separator')) : t('stale.something');
  return (
    <Modal
      open={open}
      title={t('stale.title')}
      onCancel={onCancel}
      width={640}
      destroyOnHidden
      footer={
        <Space wrap>
          <Button onClick={onCancel}>{t('stale.cancel')}</Button>
          <Button danger onClick={onReload} data-testid="stale-reload">
            {t('stale.reload')}
          </Button>
          {onMerge && (
            <Button type="primary" onClick={() => onMerge(picks)} data-testid="stale-merge">
              {t('stale.merge')}
            </Button>
          )}
        </Space>
      }
    >
      <div data-testid="stale-version-dialog">
        <Typography.Paragraph strong>{t('stale.message', { what })}</Typography.Paragraph>
        <Typography.Paragraph type="secondary">
          {onMerge ? t('stale.explainMerge') : t('stale.explainReload')}
        </Typography.Paragraph>
        {onMerge && conflicts.length > 0 && (
          <Space direction="vertical" style={{ width: '100%' }}>
            <Alert type="warning" showIcon title={t('stale.conflicts')} />
            {conflicts.map((c) => (
              <div key={c.key} data-testid={`stale-conflict-${c.key}`}>
                <Typography.Text strong>{c.label}</Typography.Text>
                <Radio.Group
                  value={picks[c.key] ?? 'mine'}
                  onChange={(e) => setPicks({ ...picks, [c.key]: e.target.value as Pick })}
                  style={{ display: 'flex', flexDirection: 'column', gap: 4, marginTop: 4 }}
                >
                  <Radio value="mine">
                    {t('stale.mine')}
                    {c.mine}
                  </Radio>
                  <Radio value="theirs">
                    {t('stale.theirs')}
                    {c.theirs}
                  </Radio>
                </Radio.Group>
              </div>
            ))}
          </Space>
        )}
      </div>
    </Modal>
  );
}
