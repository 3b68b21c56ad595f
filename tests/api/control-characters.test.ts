import { sql } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AssessmentSummary } from '../../src/contracts/diagnosis.ts';
import type { PlanDocumentView } from '../../src/contracts/plan-document.ts';
import type { PlanView } from '../../src/contracts/planning.ts';
import type { PointsIndicatorSystem } from '../../src/core/diagnosis/model-schema.ts';
import { queryRows } from '../../src/db/client.ts';
import { signInDemoRoles, useApiApp } from '../support/api-app.ts';
import { testEngines } from '../support/databases.ts';
import { DEMO_PLAN_REQUEST } from '../support/demo-plan.ts';

const SME = 'sme-digital-level-2024';
/** in every refused value, so that the captured log can be searched for any trace of a request's body or query */
const MARKER = 'body-marker-7f3a';
const NEW_MEMBER_PASSWORD = 'copper-kettle-morning-41';
const NUL = '\u0000';

interface ErrorJson {
  error: {
    code: string;
    message: string;
    details: { path: string; position: number; character: string; key?: boolean }[];
  };
}

describe.each(testEngines())('control characters in requests on %s', (engine) => {
  const log: string[] = [];
  const api = useApiApp(engine, {
    packs: 'all',
    env: { TUPU_LOG_LEVEL: 'info' },
    logStream: { write: (line: string) => void log.push(line) },
  });
  let cio: string;
  let region: string;
  let orgId: string;

  const inject = (
    cookie: string,
    method: 'GET' | 'POST' | 'PUT',
    url: string,
    payload?: unknown,
    contentType = 'application/json',
  ) =>
    api.app.inject({
      method,
      url,
      headers: { cookie, 'content-type': contentType },
      ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
    });
  /** The demo CIO invites `email`; the one-time code a new member accepts with. */
  const invitationCode = async (email: string, role: 'editor' | 'viewer'): Promise<string> => {
    const res = await inject(cio, 'POST', `/api/organisations/${orgId}/invitations`, { email, role });
    expect(res.statusCode, res.body).toBe(202);
    return res.json<{ code: string }>().code;
  };
  const count = async (table: string) =>
    (await queryRows<{ n: number }>(api.database.db, sql.raw(`select count(*)::int as n from ${table}`)))[0]!
      .n;
  /** The answer is 400 control_character naming `path` and the position of the NUL in the value. */
  const expectRefused = (res: LightMyRequestResponse, path: string, position: number) => {
    expect(res.statusCode, res.body).toBe(400);
    const { error } = res.json<ErrorJson>();
    expect(error.code).toBe('control_character');
    expect(error.message).toContain(path);
    expect(error.message).toContain('U+0000');
    expect(error.details[0]).toMatchObject({ path, position, character: 'U+0000' });
    expect(res.body).not.toContain(MARKER);
  };
  const assessment = async (title: string) => {
    const res = await inject(cio, 'POST', '/api/assessments', { modelId: SME, title });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<AssessmentSummary>();
  };

  beforeAll(async () => {
    ({ cio, orgId } = await signInDemoRoles(api));
    region = await api.signIn('region@demo.tupu.local');
  });

  it('refuses a NUL in an assessment title with 400 naming body.title, stores nothing, and serves the next request', async () => {
    const before = await count('assessments');
    const res = await inject(cio, 'POST', '/api/assessments', { modelId: SME, title: `ab${NUL}${MARKER}` });
    expectRefused(res, 'body.title', 3);
    expect(await count('assessments')).toBe(before);
    await assessment('自评 2025');
    expect(await count('assessments')).toBe(before + 1);
  });

  it('refuses a NUL in an organisation name (body.name)', async () => {
    const before = await count('organisations');
    const res = await inject(region, 'POST', '/api/organisations', {
      kind: 'enterprise',
      name: `${NUL}${MARKER}`,
    });
    expectRefused(res, 'body.name', 1);
    expect(await count('organisations')).toBe(before);
    const ok = await inject(region, 'POST', '/api/organisations', { kind: 'enterprise', name: '试点企业乙' });
    expect(ok.statusCode, ok.body).toBe(201);
  });

  it('refuses a NUL in a plan document section (body.edits.vision) and in a risk title (body.title)', async () => {
    const created = await inject(cio, 'POST', '/api/plans', DEMO_PLAN_REQUEST);
    expect(created.statusCode, created.body).toBe(201);
    const plan = created.json<PlanView>();

    const doc = await inject(cio, 'PUT', `/api/plans/${plan.id}/document?lang=zh`, {
      edits: { vision: `目标${NUL}${MARKER}` },
    });
    expectRefused(doc, 'body.edits.vision', 3);
    const view = await inject(cio, 'GET', `/api/plans/${plan.id}/document?lang=zh`);
    expect(view.json<PlanDocumentView>().sections.every((s) => !s.edited)).toBe(true);

    const risk = { likelihood: 3, impact: 4, mitigation: '分步上线' };
    const refused = await inject(cio, 'POST', `/api/plans/${plan.id}/risks`, {
      ...risk,
      title: `风险${NUL}${MARKER}`,
    });
    expectRefused(refused, 'body.title', 3);
    const after = await inject(cio, 'GET', `/api/plans/${plan.id}`);
    expect(after.json<PlanView>().risks).toHaveLength(plan.risks.length);
    const ok = await inject(cio, 'POST', `/api/plans/${plan.id}/risks`, { ...risk, title: '数据迁移风险' });
    expect(ok.statusCode, ok.body).toBe(201);
  });

  it('refuses a NUL in a reopen reason (body.reason): the assessment stays submitted', async () => {
    const model = api.packs.models.get(SME) as PointsIndicatorSystem;
    const a = await assessment('to reopen');
    const answers: Record<string, unknown> = {};
    for (const s of model.scenes) answers[s.id] = 1;
    for (const d of model.dimensions)
      for (const ind of d.indicators)
        for (const q of ind.questions)
          answers[q.id] =
            q.type === 'ratio' ? 50 : q.type === 'single' ? q.options[0]!.id : [q.options[0]!.id];
    expect((await inject(cio, 'PUT', `/api/assessments/${a.id}/answers`, { answers })).statusCode).toBe(200);
    expect((await inject(cio, 'POST', `/api/assessments/${a.id}/submit`, {})).statusCode).toBe(200);

    const res = await inject(cio, 'POST', `/api/assessments/${a.id}/reopen`, {
      reason: `补充${NUL}${MARKER}`,
    });
    expectRefused(res, 'body.reason', 3);
    const detail = await inject(cio, 'GET', `/api/assessments/${a.id}`);
    expect(detail.json<{ assessment: AssessmentSummary }>().assessment.status).toBe('submitted');
    const ok = await inject(cio, 'POST', `/api/assessments/${a.id}/reopen`, { reason: '补充证据' });
    expect(ok.statusCode, ok.body).toBe(200);
  });

  it('refuses a NUL in an evidence file name (query.fileName) although the body is raw bytes', async () => {
    const a = await assessment('evidence');
    const before = await count('evidence_files');
    const item = encodeURIComponent('网络建设');
    const bytes = Buffer.from(`file bytes ${MARKER}`);
    const res = await inject(
      cio,
      'POST',
      `/api/assessments/${a.id}/evidence?itemId=${item}&fileName=${encodeURIComponent(`图${NUL}${MARKER}.txt`)}`,
      bytes,
      'application/octet-stream',
    );
    expectRefused(res, 'query.fileName', 2);
    expect(await count('evidence_files')).toBe(before);
    // a raw body may hold any byte: a NUL in the file itself is fine
    const ok = await inject(
      cio,
      'POST',
      `/api/assessments/${a.id}/evidence?itemId=${item}&fileName=a.bin`,
      Buffer.from([0, 1, 2, 0]),
      'application/octet-stream',
    );
    expect(ok.statusCode, ok.body).toBe(201);
  });

  it('refuses a NUL in a new member name (body.displayName): no user, no hash in the log', async () => {
    const users = await count('users');
    const code = await invitationCode('new.member@demo.tupu.local', 'editor');
    const res = await inject('', 'POST', '/api/invitations/by-code/accept', {
      code,
      password: NEW_MEMBER_PASSWORD,
      displayName: `李${NUL}${MARKER}`,
    });
    expectRefused(res, 'body.displayName', 2);
    expect(await count('users')).toBe(users);
    const ok = await inject('', 'POST', '/api/invitations/by-code/accept', {
      code,
      password: NEW_MEMBER_PASSWORD,
      displayName: '李工',
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(await count('users')).toBe(users + 1);
  });

  it('names nested fields, array positions and keys, and lets tab, line feed and carriage return through', async () => {
    const a = await assessment('paths');
    const res = await inject(cio, 'PUT', `/api/assessments/${a.id}/answers`, {
      answers: { 网络建设: ['B', `C\u0085`] },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json<ErrorJson>().error.details[0]).toMatchObject({
      path: 'body.answers.网络建设[1]',
      position: 2,
      character: 'U+0085',
    });
    const key = await inject(cio, 'PUT', `/api/assessments/${a.id}/answers`, {
      answers: { [`x${NUL}`]: 1 },
    });
    expect(key.statusCode).toBe(400);
    expect(key.json<ErrorJson>().error.details[0]).toMatchObject({
      path: 'body.answers',
      key: true,
      position: 2,
    });
    const tabs = await inject(cio, 'POST', '/api/assessments', { modelId: SME, title: 'a\tb' });
    expect(tabs.statusCode, tabs.body).toBe(201);
  });

  it('refuses a NUL that comes from an imported answer file, naming the question, and stores nothing', async () => {
    const a = await assessment('import');
    const file = (answers: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
      Buffer.from(JSON.stringify({ model: SME, answers, ...extra }));
    const url = `/api/assessments/${a.id}/import?fileName=answers.json`;
    const res = await inject(
      cio,
      'POST',
      url,
      file({ 设备数字化: { 实现数字化的生产设备数量: 35, 生产设备数量: 100, [`n${NUL}`]: 1 } }),
      'application/octet-stream',
    );
    expect(res.statusCode, res.body).toBe(400);
    const error = res.json<{
      error: {
        code: string;
        message: string;
        details: { problems: { question: string; message: string }[] };
      };
    }>().error;
    expect(error.code).toBe('invalid_answer_sheet');
    expect(error.details.problems[0]).toMatchObject({ question: '设备数字化' });
    expect(error.details.problems[0]!.message).toMatch(/U\+0000/);
    expect(await count(`assessment_answers where assessment_id = '${a.id}'`)).toBe(0);

    const na = await inject(
      cio,
      'POST',
      url,
      file({}, { notApplicable: [`x${NUL}`] }),
      'application/octet-stream',
    );
    expect(na.statusCode, na.body).toBe(400);
    const detail = await inject(cio, 'GET', `/api/assessments/${a.id}`);
    expect(detail.json<{ assessment: AssessmentSummary }>().assessment.profile).toEqual({});
    const ok = await inject(cio, 'POST', url, file({ 网络建设: ['B'] }), 'application/octet-stream');
    expect(ok.statusCode, ok.body).toBe(200);
  });

  it('logs a database failure as a redacted error: code, route and request id, no SQL parameters nor hash', async () => {
    // a real database error on inserting a user, whose parameters hold the new user's scrypt hash
    const { db } = api.database;
    await db.execute(
      sql.raw(`create function refuse_users() returns trigger language plpgsql as $$
        begin raise exception 'users are refused by the test'; end $$`),
    );
    await db.execute(
      sql.raw(
        'create trigger refuse_users before insert on users for each row execute function refuse_users()',
      ),
    );
    const logged = log.length;
    try {
      const res = await inject('', 'POST', '/api/invitations/by-code/accept', {
        code: await invitationCode('second.member@demo.tupu.local', 'viewer'),
        password: NEW_MEMBER_PASSWORD,
        displayName: `王${MARKER}`,
      });
      expect(res.statusCode).toBe(500);
      expect(res.json<ErrorJson>().error.code).toBe('internal_error');
    } finally {
      await db.execute(sql.raw('drop trigger refuse_users on users'));
      await db.execute(sql.raw('drop function refuse_users()'));
    }
    const lines = log.slice(logged).map((l) => JSON.parse(l) as Record<string, unknown>);
    const failure = lines.find((l) => l.msg === 'unhandled error');
    expect(failure, log.slice(logged).join('')).toBeDefined();
    expect(failure).toMatchObject({
      level: 50,
      route: '/api/invitations/by-code/accept',
      method: 'POST',
      err: { type: 'DrizzleQueryError', cause: { code: 'P0001' } },
    });
    expect(typeof failure!.reqId).toBe('string');
    expect(JSON.stringify(failure)).toContain('users are refused by the test');
  });

  it('never logs a body, a query, SQL parameters, a password hash or file bytes', () => {
    const all = log.join('');
    expect(all.length).toBeGreaterThan(0);
    expect(all).not.toContain(MARKER);
    expect(all).not.toContain('scrypt$');
    expect(all).not.toContain('second.member@demo.tupu.local');
    expect(all).not.toMatch(/"params"|"parameters"|Failed query:|insert into/);
    expect(all).not.toContain('"type":"Buffer"');
  });
});
