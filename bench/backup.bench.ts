/**
 * Backup and restore: time and peak memory of `writeBackup` and `restoreBackup` on the embedded database (PGlite in a
 * data folder on disk), for the demo region with BACKUP_BENCH_MB (default 200) MB of evidence files of random bytes in
 * 2 MB files, plain and encrypted, against a baseline with a twentieth of that evidence — all in the same run.
 *
 * What it shows: the restore reads the file only as fast as batches are inserted (read-lines.ts, batches.ts), so its
 * memory does not grow with the size of the backup. Peak memory is sampled every 5 ms during each phase and given as
 * the growth over the phase's start: RSS (which includes PGlite's WebAssembly heap, that grows with the database's
 * own caches and never shrinks) and the JavaScript side (heap + array buffers, garbage not yet collected included).
 * Were the restore to buffer the file, its peak growth would scale with the evidence (20× the baseline's); bounded,
 * the ratio stays near 1.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { restoreBackup } from '../src/db/backup/restore-backup.ts';
import { writeBackup } from '../src/db/backup/write-backup.ts';
import { openDatabase, type Db } from '../src/db/client.ts';
import { assessments, evidenceFiles, organisations, users } from '../src/db/schema.ts';
import { seedDemoRegion } from '../src/db/seed/demo-region.ts';

const EVIDENCE_MB = Number(process.env.BACKUP_BENCH_MB ?? 200);
const FILE_MB = 2;
const PASSPHRASE = 'benchmark passphrase';
const MB = 1024 * 1024;

interface Peak {
  seconds: number;
  rss: number;
  js: number;
}

/** Runs `work`, sampling memory every 5 ms: its time and the peak growth of RSS and of JS memory over the start. */
async function measure(work: () => Promise<unknown>): Promise<Peak> {
  global.gc?.();
  const jsOf = (m: NodeJS.MemoryUsage) => m.heapUsed + m.arrayBuffers;
  const start = process.memoryUsage();
  let rss = start.rss;
  let js = jsOf(start);
  const sample = () => {
    const m = process.memoryUsage();
    rss = Math.max(rss, m.rss);
    js = Math.max(js, jsOf(m));
  };
  const timer = setInterval(sample, 5);
  const started = performance.now();
  try {
    await work();
  } finally {
    clearInterval(timer);
  }
  sample();
  return { seconds: (performance.now() - started) / 1000, rss: rss - start.rss, js: js - jsOf(start) };
}

async function addEvidence(db: Db, megabytes: number): Promise<void> {
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
      status: 'draft',
      title: 'benchmark',
      profile: {},
      createdBy: user.id,
    })
    .returning();
  if (!assessment) throw new Error('no assessment');
  for (let k = 0; k < Math.max(1, Math.round(megabytes / FILE_MB)); k++) {
    const content = randomBytes(FILE_MB * MB);
    await db.insert(evidenceFiles).values({
      orgId: org.id,
      assessmentId: assessment.id,
      itemId: `q${k}`,
      fileName: `evidence-${k}.bin`,
      mediaType: 'application/octet-stream',
      size: content.length,
      sha256: '0'.repeat(64),
      content,
      uploadedBy: user.id,
    });
  }
}

interface Row {
  name: string;
  fileMb: number;
  backup: Peak;
  restore: Peak;
}

async function run(name: string, evidenceMb: number, passphrase: string | undefined): Promise<Row> {
  const dir = mkdtempSync(join(tmpdir(), 'tupu-backup-bench-'));
  try {
    const file = join(dir, passphrase ? 'backup.jsonl.gz.enc' : 'backup.jsonl.gz');
    const source = await openDatabase({ dataDir: join(dir, 'source') });
    await seedDemoRegion(source.db, (p) => Promise.resolve(`plain$${p}`));
    if (evidenceMb > 0) await addEvidence(source.db, evidenceMb);
    const backup = await measure(() => writeBackup(source.db, file, 'bench', { passphrase }));
    await source.close();
    const target = await openDatabase({ dataDir: join(dir, 'target') });
    const restore = await measure(() => restoreBackup(target.db, file, { passphrase }));
    await target.close();
    return { name, fileMb: statSync(file).size / MB, backup, restore };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export default async function bench(): Promise<void> {
  const small = EVIDENCE_MB / 20;
  const baseline = await run(`baseline: demo region + ${small} MB evidence`, small, undefined);
  const rows = [
    baseline,
    await run(`demo region + ${EVIDENCE_MB} MB evidence`, EVIDENCE_MB, undefined),
    await run(`demo region + ${EVIDENCE_MB} MB evidence, encrypted`, EVIDENCE_MB, PASSPHRASE),
  ];
  const mb = (bytes: number) => `${(bytes / MB).toFixed(0).padStart(5)} MB`;
  console.log(
    `PGlite on disk; peak growth over each phase's start, sampled every 5 ms (${global.gc ? 'gc before each phase' : 'no --expose-gc'})`,
  );
  console.log(
    `${'case'.padEnd(44)} ${'file'.padStart(8)} | ${'backup s'.padStart(8)} ${'RSS'.padStart(8)} ${'JS'.padStart(8)} | ${'restore s'.padStart(9)} ${'RSS'.padStart(8)} ${'JS'.padStart(8)}`,
  );
  for (const row of rows)
    console.log(
      `${row.name.padEnd(44)} ${mb(row.fileMb * MB)} | ${row.backup.seconds.toFixed(1).padStart(8)} ${mb(row.backup.rss)} ${mb(row.backup.js)} | ${row.restore.seconds.toFixed(1).padStart(9)} ${mb(row.restore.rss)} ${mb(row.restore.js)}`,
    );
  for (const row of rows.slice(1)) {
    const ratio = (a: number, b: number) => (b > 0 ? (a / b).toFixed(1) : '∞');
    console.log(
      `${row.name}: file ${ratio(row.fileMb, baseline.fileMb)}× the baseline's; restore time ` +
        `${ratio(row.restore.seconds, baseline.restore.seconds)}×, restore peak RSS growth ` +
        `${ratio(row.restore.rss, baseline.restore.rss)}× and JS growth ${ratio(row.restore.js, baseline.restore.js)}× ` +
        `the baseline's, for ${ratio(EVIDENCE_MB, small)}× the evidence`,
    );
  }
}
