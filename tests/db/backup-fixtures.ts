import { sql } from 'drizzle-orm';
import { BACKUP_TABLES, primaryKeyColumns, tableName } from '../../src/db/backup/backup-tables.ts';
import type { Db } from '../../src/db/client.ts';
import { insertSession } from '../../src/server/sessions/accounts.ts';
import { EVIDENCE_CHUNK_BYTES, storeEvidence } from '../../src/features/assessments/repositories/evidence.ts';
import { testTenant } from '../support/tenant.ts';
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
  evidenceFiles,
  invitations,
  kpiManualValues,
  ledgerImports,
  ledgerMappings,
  ledgerRows,
  organisations,
  plans,
  providerPools,
  providerPoolSteps,
  providerProfiles,
  resultShares,
  users,
} from '../../src/db/schema.ts';
import { seedDemoRegion } from '../../src/db/seed/demo-region.ts';

/** Data shared by the backup tests: a database with a row in every backed-up table, and a way to compare two. */
export const fakeHash = async (p: string) => `plain$${p}`;
export const allBytes = Buffer.from(Array.from({ length: 256 }, (_, k) => k));
/** An evidence file stored in chunks (as uploads are), of two chunks and a bit. */
export const chunkedBytes = Buffer.from(
  Array.from({ length: 2 * EVIDENCE_CHUNK_BYTES + 1000 }, (_, k) => (k * 7919) % 256),
);
export const CHUNKED_NAME = '分块.bin';

/** Every row of every backed-up table, in primary-key order. */
export async function snapshot(db: Db): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const table of BACKUP_TABLES)
    out[tableName(table)] = await db
      .select()
      .from(table)
      .orderBy(...primaryKeyColumns(table));
  return out;
}

/** The demo accounts plus one row in every other table, with awkward values. */
export async function fill(db: Db): Promise<void> {
  await seedDemoRegion(db, fakeHash);
  const [org] = await db
    .select()
    .from(organisations)
    .where(sql`${organisations.kind} = 'enterprise'`)
    .limit(1);
  const [user] = await db.select().from(users).limit(1);
  if (!org || !user) throw new Error('demo region missing');
  const [assessment] = await db
    .insert(assessments)
    .values({
      orgId: org.id,
      modelId: 'sme-2024',
      modelVersion: '1.0.0',
      mode: 'assessor',
      status: 'submitted',
      title: '评估 "quoted" \\ back\nslash',
      profile: { processType: 'discrete', note: { $date: 'not a date' } },
      result: { score: 48.25, level: { id: 'L2', name: '二级' } },
      createdBy: user.id,
      createdAt: new Date('2026-01-02T03:04:05.678Z'),
      submittedAt: new Date('2026-02-03T04:05:06.789Z'),
    })
    .returning();
  if (!assessment) throw new Error('no assessment');
  await db.insert(assessmentAnswers).values([
    { orgId: org.id, assessmentId: assessment.id, itemId: 'q1', value: ['a', 'b'], answeredBy: user.id },
    {
      orgId: org.id,
      assessmentId: assessment.id,
      itemId: 'q2',
      value: null,
      verification: 'corrected',
      verifiedValue: 3,
    },
  ]);
  await db.insert(assessmentAssignments).values({
    orgId: org.id,
    assessmentId: assessment.id,
    sectionId: 's1',
    respondentRole: 'frontline',
    userId: null,
  });
  await db
    .insert(assessmentEvents)
    .values({ orgId: org.id, assessmentId: assessment.id, kind: 'submitted', note: '🙂' });
  await db.insert(evidenceFiles).values({
    orgId: org.id,
    assessmentId: assessment.id,
    itemId: 'q1',
    fileName: '现场照片.png',
    mediaType: 'image/png',
    size: allBytes.length,
    sha256: 'x'.repeat(64),
    content: allBytes,
    uploadedBy: user.id,
  });
  await storeEvidence(
    db,
    testTenant(org.id),
    {
      assessmentId: assessment.id,
      itemId: 'q1',
      fileName: CHUNKED_NAME,
      mediaType: 'application/octet-stream',
      uploadedBy: user.id,
    },
    [chunkedBytes],
    Number.MAX_SAFE_INTEGER,
  );
  const [plan] = await db
    .insert(plans)
    .values({
      orgId: org.id,
      title: 'plan',
      atlasPackId: 'guide-2024',
      assessmentId: assessment.id,
      settings: { budget: [1, 2.5, 1e-9] },
      initiatives: [{ id: 'AAAA', text: 'aGVsbG8=' }],
      solution: null,
      createdBy: user.id,
    })
    .returning();
  const [project] = await db
    .insert(deliveryProjects)
    .values({
      orgId: org.id,
      planId: plan!.id,
      initiativeId: 'AAAA',
      scenario: 'GEN-OM-01',
      name: { zh: '项目', en: 'Project' },
      scope: { zh: '范围', en: 'Scope' },
      budget: [1.5, 0.1],
      startPeriod: 0,
      finishPeriod: 1,
      calendar: { start: { year: 2027, quarter: 1 }, periodsPerYear: 4 },
      packId: 'default-2024',
      createdBy: user.id,
    })
    .returning();
  const under = { orgId: org.id, projectId: project!.id };
  await db.insert(deliveryTeamMembers).values({ ...under, role: 'cio', name: '王', userId: user.id });
  await db.insert(deliveryMilestones).values({ ...under, title: '上线', due: '2027-03-31', doneOn: null });
  await db.insert(deliveryCostEntries).values({ ...under, period: 0, amount: 0.1 + 0.2, enteredBy: user.id });
  await db
    .insert(deliveryTicks)
    .values({ ...under, checklistId: 'ip', itemId: 'source-escrow', evidence: ['f'] });
  await db
    .insert(deliveryGatePasses)
    .values({ ...under, gateId: 'diagnosis', party: 'provider', passedBy: user.id });
  await db
    .insert(deliveryChanges)
    .values({ ...under, kind: 'budget', before: { budget: [1] }, after: { budget: [1.5] }, reason: '因为' });
  const [provider] = await db
    .select()
    .from(organisations)
    .where(sql`${organisations.kind} = 'service_provider'`)
    .limit(1);
  await db.insert(deliveryProviderInvitations).values({
    ...under,
    providerOrgId: provider!.id,
    status: 'accepted',
    invitedBy: user.id,
    respondedBy: user.id,
    respondedAt: new Date('2026-03-02T00:00:00.002Z'),
  });
  // the provider pool: a profile, a pool of an authority and one membership step
  await db.insert(providerProfiles).values({
    orgId: provider!.id,
    profile: {
      types: ['production-software'],
      capabilities: ['GEN-PM-01'],
      products: [{ name: '轻量 MES' }],
    },
    gradingAnswers: { 服务企业数量: 'C' },
    updatedBy: user.id,
  });
  const [authority] = await db
    .select()
    .from(organisations)
    .where(sql`${organisations.kind} = 'authority'`)
    .limit(1);
  const [pool] = await db
    .insert(providerPools)
    .values({
      orgId: authority!.id,
      definition: { name: '资源池', quotas: { 'production-software': 3 } },
      requiredForPilot: true,
      createdBy: user.id,
    })
    .returning();
  await db.insert(providerPoolSteps).values({
    orgId: authority!.id,
    poolId: pool!.id,
    seq: 1,
    providerId: provider!.id,
    command: { kind: 'apply', typeId: 'production-software', at: '2026-03-01' },
  });
  // a project's evidence file: restored after the project it belongs to
  await storeEvidence(
    db,
    testTenant(org.id),
    {
      projectId: project!.id,
      itemId: 'ip.source-escrow',
      fileName: 'escrow.txt',
      mediaType: 'text/plain',
      uploadedBy: user.id,
    },
    [Buffer.from('源代码托管')],
    Number.MAX_SAFE_INTEGER,
  );
  // evaluation: a ledger import with a row, the mapping remembered for its layout, a manual KPI value
  const mapping = { date: '日期', fields: { revenue: '营业收入（万元）' } };
  const [ledger] = await db
    .insert(ledgerImports)
    .values({
      orgId: org.id,
      fileName: '财务台账.csv',
      kind: 'financial',
      format: 'csv',
      sha256: 'b'.repeat(64),
      layout: 'a'.repeat(32),
      mapping,
      rowCount: 1,
      dateFrom: '2025-01-15',
      dateTo: '2025-01-15',
      status: 'complete',
      problems: [],
      importedBy: user.id,
    })
    .returning();
  await db.insert(ledgerRows).values({
    orgId: org.id,
    importId: ledger!.id,
    row: 2,
    date: '2025-01-15',
    values: { revenue: 12_000_000 },
  });
  await db
    .insert(ledgerMappings)
    .values({ orgId: org.id, layout: 'a'.repeat(32), kind: 'financial', mapping, updatedBy: user.id });
  await db.insert(kpiManualValues).values({
    orgId: org.id,
    kpiId: 'profit-margin',
    period: '2025-03',
    value: 8.5,
    note: '财务口径',
    enteredBy: user.id,
  });
  // the enterprise shares its results with the authority, then withdraws (the portfolio's consent record)
  await db.insert(resultShares).values({
    orgId: org.id,
    authorityOrgId: authority!.id,
    sharedBy: user.id,
    sharedAt: new Date('2026-02-01T08:00:00.123Z'),
    revokedBy: user.id,
    revokedAt: new Date('2026-02-02T08:00:00.456Z'),
  });
  // the audit trail: an answer saved, before and after (the table is append-only: inserted, never changed)
  await db.insert(auditEvents).values({
    orgId: org.id,
    at: new Date('2026-02-03T08:00:00.789Z'),
    actorUserId: user.id,
    actorDisplay: '李工',
    action: 'assessment.answer.save',
    entityType: 'assessment',
    entityId: 'a1',
    before: { 'q1.1': null },
    after: { 'q1.1': { level: 3 } },
    requestId: 'req-1',
  });
  await db.insert(invitations).values({
    orgId: org.id,
    email: 'invitee@example.cn',
    role: 'viewer',
    codeHash: 'c'.repeat(43),
    invitedBy: user.id,
    expiresAt: new Date('2026-03-04T05:06:07.891Z'),
    declinedAt: new Date('2026-03-01T00:00:00.001Z'),
  });
  await insertSession(db, {
    tokenHash: 'h'.repeat(64),
    orgId: org.id,
    userId: user.id,
    expiresAt: new Date(Date.now() + 3600_000),
  });
}
