import { UserOutlined } from '@ant-design/icons';
import { Select, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { RESPONDENT_ROLES, type RespondentRole } from '../../../../src/contracts/diagnosis.ts';
import type { AssignableMember, Assignment } from './api.ts';

/** Who answers a section: its respondent role and, once a role is chosen, a named member of the organisation. */
export function SectionAssignment({
  sectionName,
  assignment,
  members,
  editable,
  onChange,
}: {
  sectionName: string;
  assignment: Assignment | undefined;
  members: readonly AssignableMember[];
  editable: boolean;
  onChange: (next: { respondentRole: RespondentRole; userId: string | null } | null) => void;
}) {
  const { t } = useTranslation();
  const role = assignment?.respondentRole;
  // a colleague who has left the organisation is no longer one to pick (the section's tag still names them)
  const userId = members.some((m) => m.userId === assignment?.userId) ? assignment?.userId : undefined;
  return (
    <span
      onClick={(e) => e.stopPropagation()}
      style={{ display: 'inline-flex', flexWrap: 'wrap', gap: 4, justifyContent: 'flex-end' }}
    >
      <Select
        size="small"
        aria-label={`${t('diagnose.assignTo')} ${sectionName}`}
        disabled={!editable}
        allowClear
        placeholder={t('diagnose.unassigned')}
        value={role}
        onChange={(r?: RespondentRole) => onChange(r ? { respondentRole: r, userId: userId ?? null } : null)}
        style={{ width: 120 }}
        options={RESPONDENT_ROLES.map((r) => ({ value: r, label: t(`diagnose.roles.${r}`) }))}
      />
      <Select
        size="small"
        aria-label={`${t('diagnose.assignPerson')} ${sectionName}`}
        disabled={!editable || role === undefined}
        allowClear
        showSearch={{ optionFilterProp: 'search' }}
        placeholder={role === undefined ? t('diagnose.pickRoleFirst') : t('diagnose.person')}
        value={userId}
        onChange={(picked?: string) => role && onChange({ respondentRole: role, userId: picked ?? null })}
        style={{ width: 130 }}
        popupMatchSelectWidth={220}
        options={members.map((m) => ({
          value: m.userId,
          label: m.displayName,
          search: `${m.displayName} ${m.email}`,
          email: m.email,
        }))}
        optionRender={(o) => (
          <span>
            {o.data.label}
            <br />
            <span style={{ fontSize: 12, color: '#8c8c8c' }}>{o.data.email}</span>
          </span>
        )}
      />
    </span>
  );
}

/** The section's assignee shown on its title: the name, "(me)" for the signed-in user's own sections. */
export function AssigneeTag({
  assignment,
  me,
}: {
  assignment: Assignment | undefined;
  me: string | undefined;
}) {
  const { t } = useTranslation();
  if (!assignment?.userId) return null;
  const mine = assignment.userId === me;
  return (
    <Tag
      icon={<UserOutlined />}
      color={mine ? 'blue' : 'default'}
      data-testid="assignee"
      style={{ margin: 0 }}
    >
      {assignment.userName ?? '—'}
      {mine ? t('diagnose.me') : ''}
    </Tag>
  );
}
