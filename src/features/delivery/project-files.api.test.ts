/**
 * Evidence files of a project's checklist items: stored in the assessments' evidence store (chunks, one quota),
 * downloaded back byte for byte; oversized, over-quota and misaddressed uploads refused with a clear error, nothing
 * stored, the server answering meanwhile; an invited provider within its checklist rights only.
 */
import { sql } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { createHash, randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Evidence } from '../../contracts/diagnosis.ts';
import type { AssessmentSummary } from '../../contracts/diagnosis.ts';
import type { PlanProjects, ProjectInvitations, ProjectView } from '../../contracts/delivery.ts';
import type { PlanView } from '../../contracts/planning.ts';
import { queryRows } from '../../db/client.ts';
import { DEMO_PASSWORD } from '../../db/seed/demo-region.ts';
import { addMembership, createUser } from '../../server/sessions/accounts.ts';
import { hashPassword } from '../auth/password.ts';
import { signInDemoRoles, useApiApp } from '../../../tests/support/api-app.ts';
import { testEngines } from '../../../tests/support/databases.ts';
import { DEMO_PLAN_REQUEST } from '../../../tests/support/demo-plan.ts';
import { useOrganisationIds } from '../../../tests/support/organisation-ids.ts';

const MB = 1024 * 1024;
const QUOTA_MB = 30;
type ErrorBody = { error: { code: string; message: string; details: Record<string, unknown> } };

describe.each(testEngines())('project evidence files on %s', (engine) => {
  const api = useApiApp(engine, { packs: 'all', env: { TUPU_ORG_STORAGE_QUOTA_MB: String(QUOTA_MB) } });
  const { org } = useOrganisationIds(api);
  let cio: string;
  let cdo: string;
  let provider: string;
  let project: ProjectView;
  let assessmentId: string;

  const upload = (cookie: string, path: string, payload: Buffer | Readable, name = 'scan.bin') =>
    api.app.inject({
      method: 'POST',
      url: `/api/projects/${project.id}/checklists/${path}/files?fileName=${encodeURIComponent(name)}`,
      headers: { cookie, 'content-type': 'application/octet-stream' },
      payload,
    });
  const download = (cookie: string, fileId: string) =>
    api.app.inject({
      method: 'GET',
      url: `/api/projects/${project.id}/files/${fileId}`,
      headers: { cookie },
    });
  const error = (res: LightMyRequestResponse) => res.json<ErrorBody>().error;
  const reload = async () => (await api.call<ProjectView>(cio, 'GET', `/api/projects/${project.id}`)).body;
  const stored = async () =>
    (
      await queryRows<{ files: number; bytes: number }>(
        api.database.db,
        sql`select (select count(*)::int from evidence_files) as files,
                   (select coalesce(sum(octet_length(content)), 0)::int from evidence_chunks) as bytes`,
      )
    )[0];
  const itemOf = (p: ProjectView, checklist: string, item: string) =>
    p.checklists.find((c) => c.id === checklist)!.items.find((i) => i.id === item)!;

  beforeAll(async () => {
    ({ cio, cdo } = await signInDemoRoles(api));
    const user = await createUser(api.database.db, {
      email: 'files-provider@test.local',
      displayName: '服务商',
      passwordHash: await hashPassword(DEMO_PASSWORD),
    });
    await addMembership(api.database.db, { orgId: org('启明'), userId: user.id, role: 'editor' });
    provider = await api.signIn('files-provider@test.local');
    const plan = await api.call<PlanView>(cio, 'POST', '/api/plans', { ...DEMO_PLAN_REQUEST, title: '文件' });
    await api.call(cio, 'POST', `/api/plans/${plan.body.id}/solve`, { timeLimitSeconds: 5, frontier: false });
    const projects = await api.call<PlanProjects>(cio, 'POST', `/api/plans/${plan.body.id}/projects`, {});
    expect(projects.status, JSON.stringify(projects.body)).toBe(201);
    project = (await api.call<ProjectView>(cio, 'GET', `/api/projects/${projects.body.projects[0]!.id}`))
      .body;
    const assessment = await api.call<AssessmentSummary>(cio, 'POST', '/api/assessments', {
      modelId: 'sme-digital-level-2024',
      title: '配额',
    });
    assessmentId = assessment.body.id;
  });

  it('stores a file for a checklist item and gives it back byte for byte; a tick references it', async () => {
    const bytes = randomBytes(600 * 1024 + 17);
    const res = await upload(
      cio,
      'diagnosis/items/current-state',
      Readable.from([bytes.subarray(0, 1000), bytes.subarray(1000)]),
      '现状诊断.pdf',
    );
    expect(res.statusCode, res.body).toBe(201);
    const info = res.json<Evidence>();
    expect(info).toMatchObject({
      itemId: 'diagnosis.current-state',
      fileName: '现状诊断.pdf',
      size: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
    });
    const down = await download(cio, info.id);
    expect(down.statusCode).toBe(200);
    expect(down.rawPayload.equals(bytes)).toBe(true);
    expect(down.headers['content-disposition']).toContain('filename*=');
    let p = await reload();
    expect(itemOf(p, 'diagnosis', 'current-state').files.map((f) => f.id)).toEqual([info.id]);
    // the item needs evidence: the uploaded file is enough, and the tick keeps its reference
    const tick = await api.call<ProjectView>(
      cio,
      'PUT',
      `/api/projects/${project.id}/checklists/diagnosis/items/current-state`,
      { version: p.version, ticked: true },
    );
    expect(tick.status, JSON.stringify(tick.body)).toBe(200);
    expect(itemOf(tick.body, 'diagnosis', 'current-state')).toMatchObject({
      ticked: true,
      evidence: [`file:${info.id}`],
    });
    // a file a tick references is not removed
    const inUse = await api.app.inject({
      method: 'DELETE',
      url: `/api/projects/${project.id}/files/${info.id}`,
      headers: { cookie: cio },
    });
    expect([inUse.statusCode, error(inUse).code]).toEqual([409, 'file_in_use']);
    expect(error(inUse).message).toMatch(
      /“现状诊断.pdf” is the evidence of the ticked item diagnosis.current-state/,
    );
    p = await reload();
    await api.call(cio, 'PUT', `/api/projects/${project.id}/checklists/diagnosis/items/current-state`, {
      version: p.version,
      ticked: false,
    });
    const removed = await api.app.inject({
      method: 'DELETE',
      url: `/api/projects/${project.id}/files/${info.id}`,
      headers: { cookie: cio },
    });
    expect(removed.statusCode).toBe(204);
    expect((await download(cio, info.id)).statusCode).toBe(404);
  });

  it('refuses a file for an item the pack does not have, storing nothing', async () => {
    const before = await stored();
    const res = await upload(cio, 'diagnosis/items/nothing-such', Buffer.from('x'));
    expect([res.statusCode, error(res).code]).toEqual([400, 'invalid_file']);
    expect(error(res).message).toBe('Checklist "diagnosis" has no item "nothing-such"');
    const empty = await upload(cio, 'diagnosis/items/current-state', Buffer.alloc(0));
    expect(empty.statusCode).toBe(400);
    expect(await stored()).toEqual(before);
  });

  it('refuses files over 20 MB, declared or streamed, storing nothing, while /api/health keeps answering', async () => {
    const before = await stored();
    let busy = true;
    const latencies: number[] = [];
    const poll = (async () => {
      while (busy) {
        const started = performance.now();
        const res = await api.app.inject({ method: 'GET', url: '/api/health' });
        latencies.push(performance.now() - started);
        expect(res.statusCode).toBe(200);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    })();
    const piece = Buffer.alloc(MB, 1);
    const [declared, streamed] = await Promise.all([
      upload(cio, 'process/items/weekly-report', Buffer.alloc(21 * MB, 2)),
      upload(cio, 'process/items/weekly-report', Readable.from(Array.from({ length: 21 }, () => piece))),
    ]).finally(() => (busy = false));
    await poll;
    expect([declared.statusCode, error(declared).code]).toEqual([413, 'file_too_large']);
    expect(error(declared).message).toMatch(/files up to 20 MB are accepted/);
    expect(streamed.statusCode, streamed.body).toBe(413);
    expect(['file_too_large', 'storage_quota_exceeded']).toContain(error(streamed).code);
    expect(latencies.length).toBeGreaterThan(0);
    expect(Math.max(...latencies)).toBeLessThan(500);
    expect(await stored()).toEqual(before);
  });

  it("counts project files and the assessments' evidence against one quota", async () => {
    // the assessments fill the quota to within 12 MB
    for (let k = 0; k < 2; k++) {
      const res = await api.app.inject({
        method: 'POST',
        url: `/api/assessments/${assessmentId}/evidence?itemId=${encodeURIComponent('网络建设')}&fileName=f${k}.bin`,
        headers: { cookie: cio, 'content-type': 'application/octet-stream' },
        payload: Buffer.alloc(9 * MB, 3),
      });
      expect(res.statusCode, res.body).toBe(201);
    }
    const project1 = await upload(cio, 'quality/items/test-plan', Buffer.alloc(9 * MB, 4));
    expect(project1.statusCode, project1.body).toBe(201);
    const before = await stored();
    const over = await upload(cio, 'quality/items/test-plan', Buffer.alloc(4 * MB, 5));
    expect([over.statusCode, error(over).code]).toEqual([413, 'storage_quota_exceeded']);
    expect(error(over).message).toContain(`${QUOTA_MB} MB`);
    expect(await stored()).toEqual(before);
    // and the other way round: the assessment is refused for the project's file
    const assessmentOver = await api.app.inject({
      method: 'POST',
      url: `/api/assessments/${assessmentId}/evidence?itemId=${encodeURIComponent('网络建设')}&fileName=x.bin`,
      headers: { cookie: cio, 'content-type': 'application/octet-stream' },
      payload: Buffer.alloc(4 * MB, 6),
    });
    expect(assessmentOver.statusCode).toBe(413);
    const removed = await api.app.inject({
      method: 'DELETE',
      url: `/api/projects/${project.id}/files/${project1.json<Evidence>().id}`,
      headers: { cookie: cio },
    });
    expect(removed.statusCode).toBe(204);
  });

  it('answers another organisation 404; an invited provider uploads within its checklists only, until revoked', async () => {
    const own = await upload(cio, 'ip/items/ip-clauses', Buffer.from('合同条款'), 'contract.txt');
    expect(own.statusCode, own.body).toBe(201);
    const id = own.json<Evidence>().id;
    expect((await download(cdo, id)).statusCode).toBe(404);
    expect((await upload(cdo, 'ip/items/ip-clauses', Buffer.from('x'))).statusCode).toBe(404);
    expect((await download(provider, id)).statusCode).toBe(404);
    const invited = await api.call<ProjectInvitations>(
      cio,
      'POST',
      `/api/projects/${project.id}/invitations`,
      {
        providerOrgId: org('启明'),
      },
    );
    const invitationId = invited.body.invitations[0]!.id;
    const consultant = await api.signIn('consultant@demo.tupu.local');
    // the demo consultant administers 启明, the organisation its session acts for first
    const accept = await api.call(consultant, 'POST', `/api/project-invitations/${invitationId}/accept`);
    expect(accept.status, JSON.stringify(accept.body)).toBe(200);
    const down = await download(provider, id);
    expect([down.statusCode, down.body]).toEqual([200, '合同条款']);
    const mine = await upload(
      provider,
      'implementation/items/systems-deployed',
      Buffer.from('上线'),
      'golive.txt',
    );
    expect(mine.statusCode, mine.body).toBe(201);
    const ip = await upload(provider, 'ip/items/ip-clauses', Buffer.from('x'));
    expect([ip.statusCode, error(ip).code]).toEqual([403, 'forbidden']);
    await api.call(cio, 'DELETE', `/api/projects/${project.id}/invitations/${invitationId}`);
    expect((await download(provider, id)).statusCode).toBe(404);
    expect((await download(cio, mine.json<Evidence>().id)).body).toBe('上线');
  });
});
