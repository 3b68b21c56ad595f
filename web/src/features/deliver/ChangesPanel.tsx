import { Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { useMe } from '../account/api.ts';
import { useLocalized } from '../atlas/atlas-ui.ts';
import { money } from '../plan/plan-ui.ts';
import type { ProjectView } from './api.ts';
import { useDateText, usePeriodOf } from './deliver-ui.ts';

type Change = ProjectView['changes'][number];

/** The change history during delivery: what (scope, budget, provider, dates) from what to what, who, when and why. */
export function ChangesPanel({ project }: { project: ProjectView }) {
  const { t } = useTranslation();
  const { lang } = useLocalized();
  const me = useMe();
  const date = useDateText();
  const period = usePeriodOf(project.calendar);
  const show = (kind: Change['kind'], values: Record<string, unknown>) => {
    // an invitation's change: the provider's name and the invitation's status, not its ids
    if (kind.startsWith('provider-')) {
      const name = typeof values.providerName === 'string' ? values.providerName : '';
      const status = typeof values.status === 'string' ? values.status : '';
      return (
        [name, status ? t(`deliver.invitations.status.${status}`, { defaultValue: status }) : '']
          .filter(Boolean)
          .join(' · ') || t('deliver.changes.none')
      );
    }
    const parts: string[] = [];
    for (const [field, value] of Object.entries(values)) {
      if (value === null || value === undefined) parts.push(t('deliver.changes.none'));
      else if (field === 'startPeriod' || field === 'finishPeriod')
        parts.push(
          `${t(field === 'startPeriod' ? 'deliver.edit.start' : 'deliver.edit.finish')} ${period(Number(value))}`,
        );
      else if (Array.isArray(value))
        parts.push(
          `${(value as number[]).map((v) => money(v, lang)).join(' / ')} (Σ ${money(
            (value as number[]).reduce((a, b) => a + b, 0),
            lang,
          )})`,
        );
      else if (typeof value === 'object' && value !== null && lang in value)
        parts.push(String((value as Record<string, unknown>)[lang]));
      else
        parts.push(
          typeof value === 'string' || typeof value === 'number' ? String(value) : JSON.stringify(value),
        );
    }
    return kind === 'dates' ? parts.join(' – ') : parts.join(' · ');
  };
  const who = (by: string | null) =>
    by === null
      ? '—'
      : by === me.data?.user.id
        ? t('deliver.changes.me')
        : t('deliver.changes.someone', { id: by.slice(0, 8) });

  return (
    <Table<Change>
      rowKey="id"
      size="small"
      pagination={false}
      scroll={{ x: 'max-content' }}
      data-testid="changes-table"
      dataSource={[...project.changes].sort((a, b) => b.at.localeCompare(a.at))}
      locale={{ emptyText: t('deliver.changes.empty') }}
      columns={[
        { title: t('deliver.changes.at'), key: 'at', render: (_, c) => date(c.at) },
        { title: t('deliver.changes.by'), key: 'by', render: (_, c) => who(c.by) },
        {
          title: t('deliver.changes.kind'),
          key: 'kind',
          render: (_, c) => <Tag>{t(`deliver.changes.kinds.${c.kind}`)}</Tag>,
        },
        {
          title: t('deliver.changes.before'),
          key: 'before',
          render: (_, c) => <span data-user-text>{show(c.kind, c.before)}</span>,
        },
        {
          title: t('deliver.changes.after'),
          key: 'after',
          render: (_, c) => <span data-user-text>{show(c.kind, c.after)}</span>,
        },
        {
          title: t('deliver.changes.reason'),
          key: 'reason',
          render: (_, c) => <span data-user-text>{c.reason}</span>,
        },
      ]}
    />
  );
}
