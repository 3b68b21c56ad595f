/**
 * Hostile and large uploads against a running server: for each upload its answer (status, code), its time, the peak
 * growth of this process's RSS while it runs, and the worst `/api/health` latency seen meanwhile by a poller in a
 * separate process (which keeps polling while this process's event loop is blocked, so a blocked loop shows as a
 * slow health answer). The baseline is the health latency with nothing in flight, measured in the same run.
 *
 * The uploads: a normal filled answer sheet; a crafted .xlsx whose answers sheet has UPLOADS_BENCH_ROWS (default
 * 300,000) rows of five cells; 2 GB of spaces deflated into a 2 MB .xlsx (a zip bomb); a crafted .xlsx with one
 * 8 MB shared string; a 2 MB "answers.json" of spaces; a 2 MB file of spaces named .xlsx; a 20 MB evidence file, and
 * its download. The crafted workbooks are made by tests/support/crafted-xlsx.ts.
 *
 * On PGlite by default (DATABASE_URL switches to a PostgreSQL server). Requests only go to 127.0.0.1.
 *
 * Measured on the 2-core machine (PGlite), before → after the upload limits: 300,000 rows × 5 cells (4.5 MB) took
 * 10.7 s, +885 MB RSS and held /api/health 4.9 s, accepted → refused (413) in 1.0 s, health ≤ 70 ms; the 2 GB zip
 * bomb is refused in 0.8 s; a 20 MB evidence upload held /api/health 11.1 s → ≤ 250 ms (stored in 1.8 s), its
 * download 3.3 s → 40 ms. What blocked: exceljs parsing in the event loop's thread, and PGlite (same thread, one
 * connection) binding and returning one 20 MB bytea; SHA-256 of 20 MB takes 19 ms and was never the problem.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { loadConfig } from '../src/config.ts';
import { openDatabase } from '../src/db/client.ts';
import { DEMO_PASSWORD, seedDemoRegion } from '../src/db/seed/demo-region.ts';
import { ANSWER_COL, SHEET } from '../src/packs/model-sheet-layout.ts';
import { answerTemplate } from '../src/packs/model-sheet-template.ts';
import { buildApp } from '../src/server/app.ts';
import { hashPassword } from '../src/features/auth/password.ts';
import { loadContent } from '../src/server/start.ts';
import {
  deflatePart,
  longSharedString,
  manyCellsSheet,
  replaceParts,
  sheetPath,
  spacesSheet,
} from '../tests/support/crafted-xlsx.ts';

const ROWS = Number(process.env.UPLOADS_BENCH_ROWS ?? 300_000);
const SME = 'sme-digital-level-2024';
const MB = 1024 * 1024;

/** Polls `url` one request at a time every 20 ms until told to stop on stdin; prints the worst and p99 latency. */
const POLLER = `
const url = process.argv[1];
const lat = [];
let stop = false;
process.stdin.on('data', () => { stop = true; });
const deadline = Date.now() + 600000;
(async () => {
  while (!stop && Date.now() < deadline) {
    const t = performance.now();
    try { const r = await fetch(url); await r.arrayBuffer(); } catch { lat.push(-1); continue; }
    lat.push(performance.now() - t);
    await new Promise((r) => setTimeout(r, 20));
  }
  const ok = lat.filter((x) => x >= 0).sort((a, b) => a - b);
  process.stdout.write(JSON.stringify({ n: ok.length, errors: lat.length - ok.length,
    max: ok.at(-1) ?? 0, p99: ok[Math.floor(ok.length * 0.99)] ?? 0 }));
  process.exit(0);
})();
`;

interface Poll {
  n: number;
  errors: number;
  max: number;
  p99: number;
}

function startPoller(url: string): { child: ChildProcess; done: Promise<Poll> } {
  const child = spawn(process.execPath, ['-e', POLLER, url], { stdio: ['pipe', 'pipe', 'inherit'] });
  let out = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  const done = new Promise<Poll>((resolve, reject) => {
    child.on('exit', () => {
      try {
        resolve(JSON.parse(out) as Poll);
      } catch (err) {
        reject(err instanceof Error ? err : new Error(String(err)));
      }
    });
  });
  return { child, done };
}

/** Runs `work` while a poller measures /api/health; also samples this process's RSS every 10 ms. */
async function measure(
  healthUrl: string,
  work: () => Promise<string>,
): Promise<{ answer: string; seconds: number; rssMb: number; health: Poll }> {
  const poller = startPoller(healthUrl);
  await new Promise((r) => setTimeout(r, 300)); // the poller's first answers: it is running
  const start = process.memoryUsage().rss;
  let peak = start;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10);
  const t = performance.now();
  const answer = await work();
  const seconds = (performance.now() - t) / 1000;
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);
  await new Promise((r) => setTimeout(r, 200));
  poller.child.stdin?.end('stop');
  return { answer, seconds, rssMb: (peak - start) / MB, health: await poller.done };
}

export default async function bench(): Promise<void> {
  const database = await openDatabase({ url: process.env.DATABASE_URL, dataDir: 'memory://' });
  await seedDemoRegion(database.db, hashPassword);
  const config = loadConfig({ TUPU_LOG_LEVEL: 'silent', TUPU_WEB_DIR: '/nonexistent' });
  const content = await loadContent(config);
  const app = await buildApp({ config, database, ...content });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
  const signIn = await fetch(`${base}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'cio@demo.tupu.local', password: DEMO_PASSWORD }),
  });
  const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const created = await fetch(`${base}/api/assessments`, {
    method: 'POST',
    headers: { cookie, 'content-type': 'application/json' },
    body: JSON.stringify({ modelId: SME, title: 'uploads bench' }),
  });
  const { id } = (await created.json()) as { id: string };

  const model = content.models.get(SME);
  if (!model) throw new Error(`model ${SME} not loaded`);
  const wb = answerTemplate(model);
  wb.getWorksheet(SHEET.answers)?.eachRow((row, r) => {
    if (r > 1 && row.getCell(1).text === '设备数字化') row.getCell(ANSWER_COL).value = 40;
  });
  const template = Buffer.from(await answerTemplate(model).xlsx.writeBuffer());
  const filled = Buffer.from(await wb.xlsx.writeBuffer());

  const upload = (path: string, body: Buffer) => async () => {
    const res = await fetch(`${base}${path}`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/octet-stream' },
      body,
    });
    const text = await res.text();
    const code = /"code":"([^"]+)"/.exec(text)?.[1] ?? '';
    return `${res.status} ${code}`.trim();
  };
  const importAs = (name: string) => `/api/assessments/${id}/import?fileName=${name}`;
  const evidence = `/api/assessments/${id}/evidence?itemId=${encodeURIComponent('网络建设')}&fileName=big.bin`;

  const cases: [string, () => Promise<string>][] = [];
  cases.push(['normal filled sheet (import)', upload(importAs('answers.xlsx'), filled)]);
  const answers = await sheetPath(template, SHEET.answers);
  const cells = await replaceParts(template, { [answers]: deflatePart(manyCellsSheet(ROWS, 5)) });
  cases.push([
    `${ROWS.toLocaleString('en')} rows × 5 cells, ${(cells.length / MB).toFixed(1)} MB .xlsx`,
    upload(importAs('answers.xlsx'), cells),
  ]);
  const bomb = await replaceParts(template, { [answers]: await spacesSheet(2000 * MB) });
  cases.push([
    `2 GB of spaces in a ${(bomb.length / MB).toFixed(1)} MB .xlsx`,
    upload(importAs('answers.xlsx'), bomb),
  ]);
  const strings = await replaceParts(template, {
    'xl/sharedStrings.xml': deflatePart(longSharedString(8 * MB)),
  });
  cases.push([
    `one 8 MB shared string, ${(strings.length / MB).toFixed(2)} MB .xlsx`,
    upload(importAs('answers.xlsx'), strings),
  ]);
  const spaces = Buffer.alloc(2 * MB, ' ');
  cases.push(['2 MB of spaces as answers.json', upload(importAs('answers.json'), spaces)]);
  cases.push(['2 MB of spaces as answers.xlsx', upload(importAs('answers.xlsx'), spaces)]);
  cases.push(['20 MB evidence upload', upload(evidence, randomBytes(20 * MB - 1024))]);
  cases.push([
    '20 MB evidence download',
    async () => {
      const list = (await (await fetch(`${base}/api/assessments/${id}`, { headers: { cookie } })).json()) as {
        evidence: { id: string }[];
      };
      const ev = list.evidence.at(-1);
      if (!ev) return 'no evidence';
      const res = await fetch(`${base}/api/assessments/${id}/evidence/${ev.id}`, { headers: { cookie } });
      return `${res.status} ${(await res.arrayBuffer()).byteLength} bytes`;
    },
  ]);

  const idle = await measure(
    `${base}/api/health`,
    () => new Promise((r) => setTimeout(() => r('idle'), 1000)),
  );
  console.log(`database: ${database.engine}; health poller in a separate process, one request every 20 ms`);
  console.log(
    `${'baseline: nothing in flight'.padEnd(44)} ${''.padEnd(28)} health max ${idle.health.max.toFixed(0).padStart(6)} ms  p99 ${idle.health.p99.toFixed(0).padStart(5)} ms`,
  );
  for (const [name, work] of cases) {
    const r = await measure(`${base}/api/health`, work);
    console.log(
      `${name.padEnd(44)} ${r.answer.padEnd(28)} ${r.seconds.toFixed(2).padStart(6)} s  RSS +${r.rssMb.toFixed(0).padStart(5)} MB  health max ${r.health.max.toFixed(0).padStart(6)} ms  p99 ${r.health.p99.toFixed(0).padStart(5)} ms  errors ${r.health.errors}`,
    );
  }
  await app.close();
  await database.close();
}
