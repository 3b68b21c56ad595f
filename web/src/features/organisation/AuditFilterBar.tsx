import { Button, Input, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { actionLabel, entityLabel, KNOWN_ACTIONS, KNOWN_ENTITIES } from './audit-labels.ts';

/** The audit log's filters as typed: calendar days (YYYY-MM-DD) and texts, empty for none. */
export interface AuditFilterInput {
  fromDay: string;
  toDay: string;
  actor: string;
  action: string;
  entity: string;
  text: string;
}

export const NO_FILTERS: AuditFilterInput = {
  fromDay: '',
  toDay: '',
  actor: '',
  action: '',
  entity: '',
  text: '',
};

/** From and to (days in the reader's time zone), who, action, record type and free text. */
export function AuditFilterBar({
  value,
  onChange,
}: {
  value: AuditFilterInput;
  onChange: (next: AuditFilterInput) => void;
}) {
  const { t } = useTranslation();
  const set = (part: Partial<AuditFilterInput>) => onChange({ ...value, ...part });
  return (
    <Space wrap style={{ marginBottom: 12 }} data-testid="audit-filters">
      <Space.Compact>
        <Space.Addon>{t('organisation.audit.from')}</Space.Addon>
        <Input
          type="date"
          aria-label={t('organisation.audit.from')}
          value={value.fromDay}
          onChange={(e) => set({ fromDay: e.target.value })}
          style={{ width: 150 }}
        />
      </Space.Compact>
      <Space.Compact>
        <Space.Addon>{t('organisation.audit.to')}</Space.Addon>
        <Input
          type="date"
          aria-label={t('organisation.audit.to')}
          value={value.toDay}
          onChange={(e) => set({ toDay: e.target.value })}
          style={{ width: 150 }}
        />
      </Space.Compact>
      <Input
        allowClear
        aria-label={t('organisation.audit.actor')}
        placeholder={t('organisation.audit.actorPlaceholder')}
        value={value.actor}
        onChange={(e) => set({ actor: e.target.value })}
        style={{ width: 180 }}
      />
      <Select
        allowClear
        aria-label={t('organisation.audit.action')}
        placeholder={t('organisation.audit.anyAction')}
        value={value.action === '' ? undefined : value.action}
        onChange={(action?: string) => set({ action: action ?? '' })}
        options={KNOWN_ACTIONS.map((a) => ({
          value: a,
          label: actionLabel(t, a === 'http.' ? 'http.write' : a),
        }))}
        showSearch={{ optionFilterProp: 'label' }}
        style={{ width: 200 }}
      />
      <Select
        allowClear
        aria-label={t('organisation.audit.entity')}
        placeholder={t('organisation.audit.anyEntity')}
        value={value.entity === '' ? undefined : value.entity}
        onChange={(entity?: string) => set({ entity: entity ?? '' })}
        options={KNOWN_ENTITIES.map((e) => ({ value: e, label: entityLabel(t, e) }))}
        style={{ width: 160 }}
      />
      <Input.Search
        allowClear
        aria-label={t('organisation.audit.text')}
        placeholder={t('organisation.audit.textPlaceholder')}
        defaultValue={value.text}
        onSearch={(text) => set({ text })}
        style={{ width: 220 }}
      />
      <Button onClick={() => onChange(NO_FILTERS)}>{t('organisation.audit.reset')}</Button>
    </Space>
  );
}
