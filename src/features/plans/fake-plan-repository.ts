/**
 * An in-memory plan repository for unit tests of the use cases (no database): one tenant's plans in a map, each save
 * applied at once (as one at a time under the row lock), with the version and field versions `changePlan` keeps.
 */
import { randomUUID } from 'node:crypto';
import type { TenantId } from '../../server/access/tenant.ts';
import type { NewPlan, PlanRecord, PlanRepository, SubmittedAssessment } from './repository.ts';

export interface FakePlanRepository extends PlanRepository {
  readonly records: Map<string, PlanRecord>;
  readonly inserted: NewPlan[];
  readonly assessments: SubmittedAssessment[];
}

export function fakePlanRepository(owner: TenantId): FakePlanRepository {
  const records = new Map<string, PlanRecord>();
  const inserted: NewPlan[] = [];
  const assessments: SubmittedAssessment[] = [];
  const mine = (tenant: TenantId, id: string) => {
    const record = records.get(id);
    return tenant === owner ? record : undefined;
  };
  return {
    records,
    inserted,
    assessments,
    insertPlan: async (tenant, input) => {
      inserted.push(input);
      const at = new Date('2025-01-01T00:00:00Z');
      const record: PlanRecord = {
        id: randomUUID(),
        orgId: tenant,
        title: input.title,
        copiedFrom: input.copiedFrom ?? null,
        assessmentId: input.assessmentId ?? null,
        atlasPackId: input.atlasPackId,
        profile: input.profile,
        settings: input.settings,
        initiatives: input.initiatives,
        risks: input.risks,
        solution: input.solution ?? null,
        document: input.document ?? null,
        version: 1,
        fieldVersions: {},
        createdBy: input.createdBy,
        createdAt: at,
        updatedAt: at,
      };
      records.set(record.id, record);
      return record;
    },
    findPlan: async (tenant, id) => mine(tenant, id),
    listPlans: async (tenant) => (tenant === owner ? [...records.values()] : []),
    saveSolution: async (tenant, id, solution) => {
      const record = mine(tenant, id);
      if (record) records.set(id, { ...record, solution });
    },
    changePlan: async (tenant, id, change) => {
      const record = mine(tenant, id);
      if (!record) return undefined;
      const { patch, parts } = change(record);
      if (parts.length === 0) return record;
      const version = record.version + 1;
      const fieldVersions = {
        ...(record.fieldVersions as Record<string, number>),
        ...Object.fromEntries(parts.map((part) => [part, version])),
      };
      const saved = { ...record, ...patch, version, fieldVersions };
      records.set(id, saved);
      return saved;
    },
    deletePlan: async (tenant, id) => mine(tenant, id) !== undefined && records.delete(id),
    listSubmittedAssessments: async (tenant) => (tenant === owner ? [...assessments] : []),
    findSubmittedAssessment: async (tenant, id) =>
      tenant === owner ? assessments.find((a) => a.id === id) : undefined,
  };
}
