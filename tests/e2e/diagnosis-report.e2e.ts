import JSZip from 'jszip';
import { execFileSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Atlas } from '../../src/core/atlas/types.ts';
import { diagnose } from '../../src/core/diagnosis/diagnose.ts';
import type { IndicatorSystem } from '../../src/core/diagnosis/model-schema.ts';
import { loadAtlasPacks } from '../../src/packs/atlas-load.ts';
import { loadIndicatorSystemById } from '../../src/packs/model-load.ts';
import { diagnosisDocx } from '../../src/reports/diagnosis-docx.ts';
import { diagnosisPdf } from '../../src/reports/diagnosis-pdf.ts';
import { buildDiagnosisReport, type DiagnosisReport } from '../../src/reports/diagnosis-report-model.ts';
import { SME_ANSWERS, SME_PREVIOUS_ANSWERS } from '../../src/reports/diagnosis-sample-answers.ts';
import { runTupu, runTupuOk } from '../support/cli.ts';
import { usePdfPrinter } from '../support/pdf-printer.ts';
import { useTempDir } from '../support/temp-dir.ts';

const HOSTILE = '宁波精工<script>alert("x")</script>&机械';

describe('diagnosis report read back from PDF and DOCX', () => {
  const printer = usePdfPrinter();
  const dir = useTempDir('tupu-diag-report-');
  let model: IndicatorSystem;
  let atlas: Atlas;
  let report: DiagnosisReport;

  beforeAll(async () => {
    const m = await loadIndicatorSystemById('packs/models', 'sme-digital-level-2024');
    const a = await loadAtlasPacks('packs/atlas');
    if (!m.ok || !a.ok) throw new Error('packs do not load');
    model = m.model;
    atlas = a.catalog.get(model.meta.atlas)!;
    report = buildDiagnosisReport({
      model,
      result: diagnose(model, SME_ANSWERS).result,
      previous: diagnose(model, SME_PREVIOUS_ANSWERS).result,
      organisation: { name: HOSTILE, kind: 'enterprise' },
      assessment: { title: '2024 年度自评', mode: 'self', submittedAt: '2024-11-05T08:00:00Z' },
      atlas,
      evidence: [{ itemId: '网络建设', fileName: '网络拓扑图.pdf', size: 120_000, uploadedAt: '2024-10-01' }],
      lang: 'zh',
    });
  });

  /** Texts both files must carry, each one checked by the reader of that format. */
  function expected(): string[] {
    const scenario = report.gaps.scenarios[0]!;
    const todo = report.todo.rows[0]!;
    return [
      '数字化转型诊断报告',
      HOSTILE,
      '一级', // level name
      '数字化管理', // dimension name
      scenario.name, // an atlas scenario name
      scenario.code,
      '本企业', // the level table's position column
      'G. 生产管控', // a multiple-choice answer by its option's text (数据采集: G, H, N)
      '六、晋级路径（待办清单）',
      todo.name,
      todo.to,
      '七、与上次评估对比',
      '网络拓扑图.pdf',
      '不构成任何官方评定',
    ];
  }

  it('PDF: pdftotext finds the organisation (as literal text), level, dimension, scenario and to-do list', async () => {
    const pdf = await diagnosisPdf(report, printer);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const file = join(dir, 'report.pdf');
    writeFileSync(file, pdf);
    // raw (not -layout) keeps table cells in reading order; pdftotext drops or adds spaces around CJK and wraps
    // inside cells, so compare without whitespace
    const text = execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' });
    const flat = text.replace(/\s+/g, '');
    for (const s of expected()) expect(flat, s).toContain(s.replace(/\s+/g, ''));
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1]);
    expect(pages).toBeGreaterThanOrEqual(4);
    expect(text).toContain(`1 / ${pages}`);
  });

  it('DOCX: word/document.xml carries the same texts, tables with header rows and the charts with PNG fallbacks', async () => {
    const docx = await diagnosisDocx(report, printer);
    const zip = await JSZip.loadAsync(docx);
    const xml = await zip.file('word/document.xml')!.async('string');
    const text = [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)]
      .map((m) => m[1]!)
      .join('')
      .replaceAll('&lt;', '<')
      .replaceAll('&gt;', '>')
      .replaceAll('&quot;', '"')
      .replaceAll('&amp;', '&');
    for (const s of expected()) expect(text, s).toContain(s);
    expect(xml).not.toContain('<script>');
    expect(xml).toContain('<w:tblHeader/>');
    const media = Object.keys(zip.files).filter((f) => f.startsWith('word/media/'));
    expect(media.filter((f) => f.endsWith('.svg'))).toHaveLength(3); // radar, scenes, comparison
    const pngs = media.filter((f) => f.endsWith('.png'));
    expect(pngs).toHaveLength(3);
    const png = await zip.file(pngs[0]!)!.async('nodebuffer');
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    const styles = await zip.file('word/styles.xml')!.async('string');
    expect(styles).toContain('w:eastAsia="宋体"');
    const footer = await zip.file('word/footer1.xml')!.async('string');
    expect(footer).toContain('PAGE');
  });

  it('CLI: tupu report diagnosis writes the file and prints its path; bad answers exit 1 with located problems', () => {
    const answers = join(dir, 'sme.json');
    writeFileSync(answers, JSON.stringify(SME_ANSWERS));
    const out = join(dir, 'cli.docx');
    // default output name, written in the working folder
    const packs = (sub: string) => join(process.cwd(), 'packs', sub);
    const stdout = runTupuOk(
      [
        ...['report', 'diagnosis', '--model', 'sme-digital-level-2024', '--answers', answers],
        ...['--models', packs('models'), '--atlas', packs('atlas')],
      ],
      { cwd: dir },
    );
    expect(stdout.trim()).toBe(join(dir, 'diagnosis-sme-digital-level-2024.pdf'));
    rmSync(stdout.trim());
    const docxOut = runTupuOk([
      ...['report', 'diagnosis', '--model', 'sme-digital-level-2024', '--answers', answers],
      ...['--out', out],
    ]);
    expect(docxOut.trim()).toBe(out);
    const bad = join(dir, 'bad.json');
    writeFileSync(
      bad,
      JSON.stringify({ ...SME_ANSWERS, answers: { ...SME_ANSWERS.answers, 信息系统: 'Z' } }),
    );
    const { status, stderr } = runTupu([
      'report',
      'diagnosis',
      '--model',
      'sme-digital-level-2024',
      '--answers',
      bad,
    ]);
    expect(status).toBe(1);
    expect(stderr).toContain('question 信息系统: unknown option "Z"');
  }, 180_000);
});
