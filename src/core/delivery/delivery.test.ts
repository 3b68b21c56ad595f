import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PlanCandidate } from '../planning/candidates.ts';
import { changeRecords } from './changes.ts';
import { gatePassProblems, tickProblems, type Tick } from './gates.ts';
import type { DeliveryPack } from './pack-schema.ts';
import { periodFirstDay, periodLastDay, periodOfDate, projectDrafts } from './project.ts';
import { rollupByQuarter, rollupPlan, rollupProject, rollupTargets, type ProjectFacts } from './rollup.ts';
import { atLeastAsBad, statusLight, type MilestoneState } from './status-light.ts';
import { costEntryProblems, milestoneProblems } from './validate.ts';

const text = (s: string) => ({ zh: s, en: s });
const candidate = (id: string, capex: number, duration: number): PlanCandidate => ({
  id,
  scenario: id,
  name: text(`name ${id}`),
  category: 'c',
  scope: text(`scope ${id}`),
  capex,
  opexPerYear: 0,
  duration,
  effort: 1,
  successProbability: 1,
  kpiDeltas: [
    {
      kpi: 'oee',
      name: text('OEE'),
      unit: '%',
      valueTag: 'efficiency',
      improvement: 0.05,
      factor: 0.1,
      origin: { kind: 'default' },
    },
  ],
  requires: [],
  excludes: [],
  mandatory: false,
  origins: {
    capex: { kind: 'default' },
    opexPerYear: { kind: 'default' },
    duration: { kind: 'default' },
    effort: { kind: 'default' },
    successProbability: { kind: 'default' },
  },
  reasons: [],
});
const calendar = { start: { year: 2027, quarter: 1 }, periodsPerYear: 4, periods: 8 };
const plan = {
  calendar,
  initiatives: [candidate('A', 120, 3), candidate('B', 40, 2), candidate('C', 10, 1)],
  schedule: [
    { id: 'A', start: 0 },
    { id: 'B', start: 3 },
  ],
  risks: [
    { id: 'R1', title: 'a risk', likelihood: 2, impact: 3, mitigation: 'm', initiativeId: 'A' },
    { id: 'R2', title: 'plan risk', likelihood: 2, impact: 3, mitigation: 'm' },
  ],
};

describe('projects from a plan', () => {
  it('makes one project per scheduled initiative, cost spread over its active periods, dates in calendar time', () => {
    const drafts = projectDrafts(plan)!;
    expect(drafts.map((d) => d.initiativeId)).toEqual(['A', 'B']);
    const a = drafts[0]!;
    expect(a.budget).toEqual([40, 40, 40, 0, 0, 0, 0, 0]);
    expect([a.startPeriod, a.finishPeriod]).toEqual([0, 2]);
    expect(periodFirstDay(calendar, a.startPeriod)).toBe('2027-01-01');
    expect(periodLastDay(calendar, a.finishPeriod)).toBe('2027-09-30');
    expect(a.kpiTargets).toEqual([
      { kpi: 'oee', name: text('OEE'), unit: '%', improvement: 0.05, valueTag: 'efficiency' },
    ]);
    expect(a.risks.map((r) => r.id)).toEqual(['R1']);
    expect(projectDrafts(plan, 'B')!.map((d) => d.budget)).toEqual([[0, 0, 0, 20, 20, 0, 0, 0]]);
    expect(projectDrafts(plan, 'C')).toBeUndefined(); // not scheduled
  });

  it('finds the period of a date', () => {
    expect(periodOfDate(calendar, '2027-01-01')).toBe(0);
    expect(periodOfDate(calendar, '2027-06-30')).toBe(1);
    expect(periodOfDate(calendar, '2026-12-31')).toBe(-1);
    expect(periodLastDay({ ...calendar, periodsPerYear: 2 }, 0)).toBe('2027-06-30');
  });
});

const ms = (due: string, doneOn: string | null = null, id = 'm'): MilestoneState => ({ id, due, doneOn });

describe('status light', () => {
  it('takes its thresholds from the pack when given: 5 days late is red, 3 % over is amber', () => {
    const base = { today: '2027-05-01', budgetToDate: 100, actualToDate: 100 };
    const strict = { lateAfterDays: 5, atRiskOverrun: 0.02, lateOverrun: 0.05 };
    expect(statusLight({ ...base, milestones: [ms('2027-04-21')] }).light).toBe('at-risk');
    expect(statusLight({ ...base, milestones: [ms('2027-04-21')] }, strict).light).toBe('late');
    expect(statusLight({ ...base, milestones: [], actualToDate: 103 }).light).toBe('on-track');
    expect(statusLight({ ...base, milestones: [], actualToDate: 103 }, strict).light).toBe('at-risk');
    expect(statusLight({ ...base, milestones: [], actualToDate: 106 }, strict).light).toBe('late');
  });

  it('is green without slip or overrun, amber when a milestone is overdue or spend runs 10–20 % over, red beyond', () => {
    const base = { today: '2027-05-01', budgetToDate: 100, actualToDate: 100 };
    expect(statusLight({ ...base, milestones: [ms('2027-06-01')] }).light).toBe('on-track');
    expect(statusLight({ ...base, milestones: [ms('2027-04-20')] }).light).toBe('at-risk');
    expect(statusLight({ ...base, milestones: [ms('2027-03-01')] }).light).toBe('late');
    expect(statusLight({ ...base, milestones: [ms('2027-03-01', '2027-03-20')] }).light).toBe('on-track');
    expect(statusLight({ ...base, milestones: [], actualToDate: 115 }).light).toBe('at-risk');
    expect(statusLight({ ...base, milestones: [], actualToDate: 121 }).light).toBe('late');
    expect(statusLight({ ...base, milestones: [], budgetToDate: 0, actualToDate: 1 }).light).toBe('late');
    expect(statusLight({ today: '2027-01-01', milestones: [], budgetToDate: 0, actualToDate: 0 }).light).toBe(
      'on-track',
    );
  });

  const day = fc.integer({ min: 0, max: 800 });
  const iso = (n: number) => new Date(Date.UTC(2027, 0, 1 + n)).toISOString().slice(0, 10);
  const milestone = fc.record({ due: day, done: fc.option(day, { nil: null }) });
  const input = fc.record({
    today: day,
    milestones: fc.array(milestone, { maxLength: 5 }),
    budget: fc.integer({ min: 0, max: 1000 }),
    actual: fc.integer({ min: 0, max: 1500 }),
  });
  interface LightCase {
    today: number;
    milestones: { due: number; done: number | null }[];
    budget: number;
    actual: number;
  }
  const light = (i: LightCase) =>
    statusLight({
      today: iso(i.today),
      milestones: i.milestones.map((m, k) =>
        ms(iso(m.due), m.done === null ? null : iso(Math.min(m.done, i.today)), `m${k}`),
      ),
      budgetToDate: i.budget,
      actualToDate: i.actual,
    }).light;

  it('never improves with more slip: a milestone due earlier, or time passing with it open', () => {
    fc.assert(
      fc.property(
        input,
        fc.integer({ min: 0, max: 4 }),
        fc.integer({ min: 1, max: 200 }),
        (i, k, earlier) => {
          if (i.milestones.length === 0) return;
          const at = k % i.milestones.length;
          const moved = {
            ...i,
            milestones: i.milestones.map((m, j) => (j === at ? { ...m, due: m.due - earlier } : m)),
          };
          expect(atLeastAsBad(light(moved), light(i))).toBe(true);
        },
      ),
    );
  });

  it('never improves with more spend, or with a done milestone reopened', () => {
    fc.assert(
      fc.property(input, fc.integer({ min: 1, max: 500 }), (i, more) => {
        expect(atLeastAsBad(light({ ...i, actual: i.actual + more }), light(i))).toBe(true);
        const reopened = { ...i, milestones: i.milestones.map((m) => ({ ...m, done: null })) };
        expect(atLeastAsBad(light(reopened), light(i))).toBe(true);
      }),
    );
  });
});

describe('roll-ups', () => {
  it('rolls projects up to the KPI targets they serve, each target as bad as its worst project', () => {
    const oee = { kpi: 'oee', name: text('OEE'), unit: '%', improvement: 0.05 };
    const targets = rollupTargets([
      { id: 'A', light: 'on-track', kpiTargets: [oee] },
      {
        id: 'B',
        light: 'at-risk',
        kpiTargets: [
          { ...oee, improvement: 0.02 },
          { ...oee, kpi: 'defects' },
        ],
      },
    ]);
    expect(targets.map((t) => [t.kpi, t.light, t.projects.map((p) => p.id)])).toEqual([
      ['defects', 'at-risk', ['B']],
      ['oee', 'at-risk', ['A', 'B']],
    ]);
  });

  const facts: ProjectFacts = {
    id: 'A',
    calendar,
    budget: [40, 40, 40, 0],
    milestones: [
      ms('2027-02-15', '2027-03-10', 'm1'),
      ms('2027-05-01', null, 'm2'),
      ms('2027-09-01', null, 'm3'),
    ],
    costs: [
      { period: 0, amount: 30 },
      { period: 0, amount: 15 },
      { period: 1, amount: 50 },
    ],
  };
  it('sums planned against actual spend and the slip per period, milestone → project → plan', () => {
    const r = rollupProject(facts, '2027-06-01');
    expect(r.periods.map((p) => [p.planned, p.actual, p.due, p.late, p.slipDays])).toEqual([
      [40, 45, 1, 1, 23], // m1 done 23 days late
      [40, 50, 1, 1, 31], // m2 open, 31 days overdue
      [40, 0, 1, 0, 0], // m3 not due yet
      [0, 0, 0, 0, 0],
    ]);
    expect([r.budgetToDate, r.actualToDate, r.progress]).toEqual([80, 95, 1 / 3]);
    expect(r.light).toBe('late'); // m2 is 31 days overdue
    // before the start, a cost booked in the first period is measured against that period's budget, not against 0
    const early = rollupProject(
      { ...facts, milestones: [], costs: [{ period: 0, amount: 30 }] },
      '2026-12-01',
    );
    expect([early.budgetToDate, early.actualToDate, early.light]).toEqual([40, 30, 'on-track']);
    const over = rollupProject(
      { ...facts, milestones: [], costs: [{ period: 0, amount: 50 }] },
      '2026-12-01',
    );
    expect([over.budgetToDate, over.light]).toEqual([40, 'late']);
    const plan = rollupPlan([
      r,
      rollupProject({ ...facts, id: 'B', milestones: [], costs: [] }, '2027-06-01'),
    ]);
    expect(plan.periods.map((p) => p.planned)).toEqual([80, 80, 80, 0]);
    expect(plan.periods.map((p) => p.actual)).toEqual([45, 50, 0, 0]);
    expect(plan.lights).toEqual({ 'on-track': 1, 'at-risk': 0, late: 1 });
    const quarters = rollupByQuarter([
      { rollup: r, calendar },
      { rollup: r, calendar: { ...calendar, start: { year: 2027, quarter: 2 } } },
    ]);
    expect(quarters.map((q) => [q.year, q.quarter, q.planned])).toEqual([
      [2027, 1, 40],
      [2027, 2, 80],
      [2027, 3, 80],
      [2027, 4, 40],
      [2028, 1, 0],
    ]);
  });
});

const pack: Pick<DeliveryPack, 'gates' | 'supervision'> = {
  gates: [
    {
      id: 'diagnosis',
      name: { zh: '诊断评估', en: 'Diagnostic assessment' },
      party: 'provider',
      checklist: [{ id: 'report', text: text('report'), evidence: true }],
    },
    {
      id: 'filing',
      name: { zh: '备案审核', en: 'Filing review' },
      party: 'authority',
      checklist: [{ id: 'plan', text: text('plan'), evidence: false }],
    },
  ],
  supervision: [
    { id: 'ip', name: text('IP'), items: [{ id: 'escrow', text: text('escrow'), evidence: true }] },
  ],
};

describe('gates and checklists', () => {
  const ticks: Tick[] = [{ checklistId: 'diagnosis', itemId: 'report', evidence: ['file-1'] }];
  it('passes a gate whose checklist is complete, by its party, in order', () => {
    expect(gatePassProblems(pack, { passed: [], ticks }, 'diagnosis', ['provider'])).toEqual([]);
  });
  it('refuses a gate without its checklist, by another party, or out of order, naming each', () => {
    const none = gatePassProblems(pack, { passed: [], ticks: [] }, 'diagnosis', ['provider']);
    expect(none.map((p) => p.field)).toEqual(['gates.diagnosis.checklist']);
    expect(none[0]?.message).toMatch(/checklist is not complete \(1 of 1 open: “report”\)/);
    expect(gatePassProblems(pack, { passed: [], ticks }, 'diagnosis', ['enterprise'])[0]?.message).toMatch(
      /is passed by the provider; you act for the enterprise/,
    );
    const early = gatePassProblems(
      pack,
      { passed: [], ticks: [{ checklistId: 'filing', itemId: 'plan', evidence: [] }] },
      'filing',
      ['authority'],
    );
    expect(early.map((p) => p.message)).toEqual([
      expect.stringMatching(/comes after “Diagnostic assessment” \(诊断评估\), not passed yet/),
    ]);
    expect(
      gatePassProblems(pack, { passed: [{ gateId: 'diagnosis' }], ticks }, 'diagnosis', ['provider'])[0]
        ?.message,
    ).toMatch(/already passed/);
  });
  it('refuses a tick without the evidence its item requires', () => {
    expect(tickProblems(pack, { checklistId: 'ip', itemId: 'escrow', evidence: [] })[0]?.message).toMatch(
      /needs at least one evidence file/,
    );
    expect(tickProblems(pack, { checklistId: 'ip', itemId: 'escrow', evidence: ['f'] })).toEqual([]);
    expect(tickProblems(pack, { checklistId: 'x', itemId: 'y', evidence: [] })[0]?.message).toMatch(
      /no checklist "x"/,
    );
  });
});

describe('validation and changes', () => {
  const w = { calendar, periods: 8, finishPeriod: 2, closedThrough: 0 };
  it('refuses a cost entry in a closed period and a milestone after the end, naming what and where', () => {
    expect(costEntryProblems(w, { period: 0, amount: 5 })[0]?.message).toMatch(
      /cost entry in 2027 Q1 \(2027年Q1\) cannot be booked: that period is closed \(closed through 2027 Q1/,
    );
    expect(costEntryProblems(w, { period: 1, amount: 5 })).toEqual([]);
    expect(costEntryProblems(w, { period: 9, amount: 5 })[0]?.field).toBe('period');
    expect(milestoneProblems(w, { title: '上线', due: '2027-10-01' })[0]?.message).toMatch(
      /Milestone “上线” is due 2027-10-01, after the project's end 2027-09-30 \(2027 Q3/,
    );
    expect(milestoneProblems(w, { title: '上线', due: '2027-09-30' })).toEqual([]);
  });
  it('records one change per kind touched, with who, when and why', () => {
    const who = { by: 'u1', at: '2027-02-01T00:00:00Z', reason: '供应延迟' };
    const records = changeRecords(
      { budget: [1, 2], finishPeriod: 2, provider: null },
      { budget: [1, 3], finishPeriod: 3, provider: null },
      who,
    );
    expect(records).toEqual([
      { kind: 'budget', from: { budget: [1, 2] }, to: { budget: [1, 3] }, ...who },
      { kind: 'dates', from: { finishPeriod: 2 }, to: { finishPeriod: 3 }, ...who },
    ]);
  });
});
