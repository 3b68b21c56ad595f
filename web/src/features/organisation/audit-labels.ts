import type { TFunction } from 'i18next';

/** An action in words (assessment.answer.save → 保存答案); the server's fallback record by its method; else as sent. */
export function actionLabel(t: TFunction, action: string): string {
  const http = /^http\.(\w+)$/.exec(action);
  if (http) return t('organisation.audit.httpWrite', { method: http[1]!.toUpperCase() });
  return t(`organisation.audit.actions.${action.replace(/\./g, '_')}`, { defaultValue: action });
}

/** A record type in words (assessment → 诊断); else as sent. */
export const entityLabel = (t: TFunction, entityType: string): string =>
  t(`organisation.audit.entities.${entityType}`, { defaultValue: entityType });

/** The actions the filter offers: each known action, its dotted name as the server records it. */
export const KNOWN_ACTIONS = [
  'auth.sign_in',
  'assessment.create',
  'assessment.delete',
  'assessment.answer.save',
  'assessment.answers.import',
  'assessment.answer.verify',
  'assessment.assignments.save',
  'assessment.submit',
  'assessment.reopen',
  'plan.create',
  'plan.copy',
  'plan.update',
  'plan.document.save',
  'plan.solve',
  'plan.delete',
  'project.create',
  'project.change',
  'ledger.import',
  'ledger.import.delete',
  'kpi.manual_value.save',
  'kpi.manual_value.delete',
  'provider.profile.save',
  'provider.pool.open',
  'provider.pool.step',
  'organisation.create',
  'organisation.rename',
  'organisation.delete',
  'organisation.member.add',
  'organisation.member.role',
  'organisation.member.remove',
  'organisation.invitation.create',
  'http.',
] as const;

export const KNOWN_ENTITIES = [
  'assessment',
  'plan',
  'project',
  'member',
  'organisation',
  'invitation',
  'ledger_import',
  'kpi',
  'provider_profile',
  'provider_pool',
  'route',
  'session',
] as const;
