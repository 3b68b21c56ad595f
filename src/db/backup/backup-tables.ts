/**
 * The tables a backup holds, parents before children so that a restore can insert them in this order inside one
 * transaction. Sessions are left out on purpose: a restored installation starts with everyone signed out, and a
 * backup file that leaks cannot be used to take over a live session. Failed sign-in counts are left out too.
 */
import { getTableConfig, type PgColumn, type PgTable } from 'drizzle-orm/pg-core';
import {
  assessmentAnswers,
  assessmentAssignments,
  assessmentEvents,
  assessments,
  auditEvents,
  deliveryChanges,
  deliveryCostEntries,
  deliveryGatePasses,
  deliveryMilestones,
  deliveryProjects,
  deliveryProviderInvitations,
  deliveryTeamMembers,
  deliveryTicks,
  evidenceChunks,
  evidenceFiles,
  invitations,
  kpiManualValues,
  ledgerImports,
  ledgerMappings,
  ledgerRows,
  memberships,
  organisations,
  plans,
  providerPools,
  providerPoolSteps,
  providerProfiles,
  resultShares,
  users,
} from '../schema.ts';

export const BACKUP_TABLES: readonly PgTable[] = [
  organisations,
  users,
  memberships,
  invitations,
  assessments,
  assessmentAnswers,
  assessmentAssignments,
  assessmentEvents,
  plans,
  // the provider pool: profiles of provider organisations, pools of authorities and their membership steps
  providerProfiles,
  providerPools,
  providerPoolSteps,
  deliveryProjects,
  deliveryTeamMembers,
  deliveryMilestones,
  deliveryCostEntries,
  deliveryTicks,
  deliveryGatePasses,
  deliveryChanges,
  deliveryProviderInvitations,
  // after the projects: a file is an assessment's or a project's (evidence_files.project_id)
  evidenceFiles,
  evidenceChunks,
  // evaluation: ledger imports and their rows, remembered mappings, manual KPI values
  ledgerImports,
  ledgerRows,
  ledgerMappings,
  kpiManualValues,
  // an enterprise's consent to share its results with its authority (portfolio)
  resultShares,
  // the append-only audit trail of every organisation (only inserted on restore: its trigger refuses changes)
  auditEvents,
];

/** Tables of the schema that a backup leaves out, with the reason (checked by a test against the live schema). */
export const TABLES_NOT_BACKED_UP: Readonly<Record<string, string>> = {
  sessions: 'sign-in sessions are not restored: everyone signs in again',
  sign_in_failures: 'failed sign-in counts are short-lived protection, not data: a restore starts with none',
  ledger_uploads: 'a ledger uploaded and not yet imported expires within a day: a restore starts with none',
  ledger_upload_chunks: 'the bytes of ledger uploads not yet imported (see ledger_uploads)',
};

export const tableName = (table: PgTable): string => getTableConfig(table).name;

/** The primary-key columns of a table, for a stable reading order. */
export function primaryKeyColumns(table: PgTable): PgColumn[] {
  const config = getTableConfig(table);
  const single = config.columns.filter((column) => column.primary);
  if (single.length > 0) return single;
  return config.primaryKeys[0]?.columns ?? config.columns;
}

export function backupTable(name: string): PgTable | undefined {
  return BACKUP_TABLES.find((table) => tableName(table) === name);
}
