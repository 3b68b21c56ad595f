/**
 * Hostile and large uploads (answer-sheet imports, evidence files) do not freeze the server: crafted workbooks are
 * refused quickly with the limit and the sheet named, `/api/health` keeps answering while big uploads are in flight,
 * and an organisation's evidence stays within its storage quota, nothing half-stored.
 */
import { sql } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { createHash, randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AssessmentSummary } from '../../contracts/diagnosis.ts';
import { queryRows } from '../../db/client.ts';
import { ANSWER_COL, SHEET } from '../../packs/model-sheet-layout.ts';
import { answerTemplate } from '../../packs/model-sheet-template.ts';
import { useApiApp } from '../../../tests/support/api-app.ts';
import {
  deflatePart,
  longSharedString,
  manyCellsSheet,
  replaceParts,
  sheetPath,
  spacesSheet,
} from '../../../tests/support/crafted-xlsx.ts';
import { testEngines } from '../../../tests/support/databases.ts';

const SME = 'sme-digital-level-2024';
const MB = 1024 * 1024;
const QUOTA_MB = 30;
type ErrorBody = { error: { code: string; message: string; details: Record<string, unknown> } };

describe.each(testEngines())('uploads on %s', (engine) => {
  const api = useApiApp(engine, { packs: 'all', env: { TUPU_ORG_STORAGE_QUOTA_MB: String(QUOTA_MB) } });
  let cio: string;
  let assessmentId: string;
  let template: Buffer;
  let answers: string;

  const upload = (url: string, payload: Buffer | Readable) =>
    api.app.inject({
      method: 'POST',
      url,
      headers: { cookie: cio, 'content-type': 'application/octet-stream' },
      payload,
    });
  const importUrl = (name = 'answers.xlsx') => `/api/assessments/${assessmentId}/import?fileName=${name}`;
  const evidenceUrl = (name = 'scan.bin') =>
    `/api/assessments/${assessmentId}/evidence?itemId=${encodeURIComponent('网络建设')}&fileName=${name}`;
  const error = (res: LightMyRequestResponse) => res.json<ErrorBody>().error;
  const timed = async <T>(work: () => Promise<T>): Promise<{ value: T; ms: number }> => {
    const started = performance.now();
    const value = await work();
    return { value, ms: performance.now() - started };
  };
  const stored = async () =>
    (
      await queryRows<{ files: number; bytes: number }>(
        api.database.db,
        sql`select (select count(*)::int from evidence_files) as files,
                   (select coalesce(sum(octet_length(content)), 0)::int from evidence_chunks) as bytes`,
      )
    )[0];

  beforeAll(async () => {
    cio = await api.signIn('cio@demo.tupu.local');
    const created = await api.call<AssessmentSummary>(cio, 'POST', '/api/assessments', {
      modelId: SME,
      title: 'uploads',
    });
    expect(created.status).toBe(201);
    assessmentId = created.body.id;
    const model = api.packs.models.get(SME)!;
    template = Buffer.from(await answerTemplate(model).xlsx.writeBuffer());
    answers = await sheetPath(template, SHEET.answers);
  });

  it('refuses a sheet of too many rows, or too many cells, quickly with the limit and the sheet named', async () => {
    const rows = await replaceParts(template, { [answers]: deflatePart(manyCellsSheet(12_000, 2)) });
    const r = await timed(() => upload(importUrl(), rows));
    expect(r.value.statusCode, r.value.body).toBe(413);
    expect(error(r.value).code).toBe('answer_sheet_over_limit');
    expect(error(r.value).message).toContain(`"${SHEET.answers}"`);
    expect(error(r.value).message).toMatch(/12,000 rows.*10,000/);
    expect(r.ms).toBeLessThan(3000);

    const cells = await replaceParts(template, { [answers]: deflatePart(manyCellsSheet(2_000, 60)) });
    const c = await timed(() => upload(importUrl(), cells));
    expect(c.value.statusCode, c.value.body).toBe(413);
    expect(error(c.value).message).toMatch(/120,000 cells.*100,000/);
    expect(c.ms).toBeLessThan(3000);
  });

  it('refuses a zip bomb (a sheet of 256 MB of spaces in a small file) and an overlong cell quickly', async () => {
    const bomb = await replaceParts(template, { [answers]: await spacesSheet(256 * MB) });
    expect(bomb.length).toBeLessThan(MB);
    const b = await timed(() => upload(importUrl(), bomb));
    expect(b.value.statusCode, b.value.body).toBe(413);
    expect(error(b.value).message).toContain(`"${SHEET.answers}"`);
    expect(error(b.value).message).toMatch(/16 MB/);
    expect(b.ms).toBeLessThan(3000);

    // a header that lies about the size is caught while inflating
    const liar = await replaceParts(template, {
      [answers]: { ...(await spacesSheet(64 * MB)), declaredSize: 1000 },
    });
    const l = await timed(() => upload(importUrl(), liar));
    expect(l.value.statusCode, l.value.body).toBe(413);
    expect(error(l.value).message).toMatch(/16 MB/);
    expect(l.ms).toBeLessThan(3000);

    const long = await replaceParts(template, {
      'xl/sharedStrings.xml': deflatePart(longSharedString(40_000)),
    });
    const s = await timed(() => upload(importUrl(), long));
    expect(s.value.statusCode, s.value.body).toBe(413);
    expect(error(s.value).message).toMatch(/40,000 characters.*32,767/);
    expect(s.ms).toBeLessThan(3000);
  });

  it('refuses 2 MB of spaces, as .json or as .xlsx, quickly', async () => {
    const spaces = Buffer.alloc(2 * MB, ' ');
    for (const name of ['answers.json', 'answers.xlsx']) {
      const r = await timed(() => upload(importUrl(name), spaces));
      expect(r.value.statusCode, r.value.body).toBe(400);
      expect(error(r.value).code).toBe('invalid_answer_sheet');
      expect(r.ms).toBeLessThan(3000);
    }
  });

  it('keeps answering /api/health within 500 ms while a 20 MB evidence file and hostile sheets are uploaded', async () => {
    const bomb = await replaceParts(template, { [answers]: await spacesSheet(256 * MB) });
    const cells = await replaceParts(template, { [answers]: deflatePart(manyCellsSheet(2_000, 60)) });
    const evidence = randomBytes(20 * MB - 1024);
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
    const [big, hostile, many] = await Promise.all([
      upload(evidenceUrl('big.bin'), evidence),
      upload(importUrl(), bomb),
      upload(importUrl(), cells),
    ]).finally(() => (busy = false));
    await poll;
    expect(big.statusCode, big.body).toBe(201);
    expect(hostile.statusCode).toBe(413);
    expect(many.statusCode).toBe(413);
    expect(latencies.length).toBeGreaterThan(3);
    expect(Math.max(...latencies)).toBeLessThan(500);
    expect((await stored())?.bytes).toBe((before?.bytes ?? 0) + evidence.length);

    const info = big.json<{ id: string; size: number; sha256: string }>();
    expect(info.size).toBe(evidence.length);
    expect(info.sha256).toBe(createHash('sha256').update(evidence).digest('hex'));
    const down = await api.app.inject({
      method: 'GET',
      url: `/api/assessments/${assessmentId}/evidence/${info.id}`,
      headers: { cookie: cio },
    });
    expect(down.statusCode).toBe(200);
    expect(down.rawPayload.equals(evidence)).toBe(true);
  });

  it('refuses evidence over the organisation quota (413 storage_quota_exceeded), storing nothing', async () => {
    const usedNow = async () =>
      (
        await queryRows<{ n: number }>(
          api.database.db,
          sql`select coalesce(sum(size), 0)::int as n from evidence_files where org_id =
                (select org_id from assessments where id = ${assessmentId})`,
        )
      )[0]!.n;
    // fill the quota to within 15 MB
    while ((await usedNow()) < (QUOTA_MB - 15) * MB)
      expect((await upload(evidenceUrl('filler.bin'), Buffer.alloc(15 * MB, 3))).statusCode).toBe(201);
    const before = await stored();
    const used = await usedNow();
    const over = Buffer.alloc(QUOTA_MB * MB - used + 1, 7);
    // declared by its Content-Length, and streamed without one
    for (const payload of [over, Readable.from([over.subarray(0, MB), over.subarray(MB)])]) {
      const res = await upload(evidenceUrl(), payload);
      expect(res.statusCode, res.body).toBe(413);
      expect(error(res).code).toBe('storage_quota_exceeded');
      expect(error(res).message).toContain(`${QUOTA_MB} MB`);
      expect(error(res).details).toMatchObject({ used, limit: QUOTA_MB * MB });
      expect(await stored()).toEqual(before);
    }
    // a file that fits is still taken, byte for byte
    const fits = randomBytes(600 * 1024);
    const ok = await upload(
      evidenceUrl('fits.bin'),
      Readable.from([fits.subarray(0, 1000), fits.subarray(1000)]),
    );
    expect(ok.statusCode, ok.body).toBe(201);
    const down = await api.app.inject({
      method: 'GET',
      url: `/api/assessments/${assessmentId}/evidence/${ok.json<{ id: string }>().id}`,
      headers: { cookie: cio },
    });
    expect(down.rawPayload.equals(fits)).toBe(true);
  });

  it('refuses a streamed evidence file over 20 MB without a Content-Length, storing nothing', async () => {
    const before = await stored();
    const piece = Buffer.alloc(MB, 1);
    const res = await upload(evidenceUrl(), Readable.from(Array.from({ length: 21 }, () => piece)));
    expect(res.statusCode, res.body).toBe(413);
    expect(['file_too_large', 'storage_quota_exceeded']).toContain(error(res).code);
    expect(await stored()).toEqual(before);
  });

  it('still imports a normal filled sheet', async () => {
    const model = api.packs.models.get(SME)!;
    const wb = answerTemplate(model);
    wb.getWorksheet(SHEET.answers)!.eachRow((row, r) => {
      if (r > 1 && row.getCell(1).text === '设备数字化') row.getCell(ANSWER_COL).value = 40;
    });
    const res = await upload(importUrl(), Buffer.from(await wb.xlsx.writeBuffer()));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ imported: 1, answered: 1 });
  });
});
