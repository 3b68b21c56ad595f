/** What the delivery API answers: a project with its light and roll-up, a summary per project, the pack. */
import { projectFileItem } from './project-files.ts';
import { currentGate } from '../../core/delivery/gates.ts';
import type { DeliveryPack } from '../../core/delivery/pack-schema.ts';
import { periodFirstDay, periodLastDay, periodText } from '../../core/delivery/project.ts';
import {
  rollupPlan,
  rollupProject,
  rollupTargets,
  type PeriodRollup,
  type ProjectRollup,
} from '../../core/delivery/rollup.ts';
import { milestoneSlip, statusLight } from '../../core/delivery/status-light.ts';
import type {
  DeliveryPackView,
  PlanProjects,
  ProjectSummary,
  ProjectView,
} from '../../contracts/delivery.ts';
import { budgetOf, calendarOf, factsOf } from './project-facts.ts';
import type { ProjectBundle, ProjectRow } from './repository.ts';

type Text = { zh: string; en: string };

const periodsView = (row: ProjectRow, periods: readonly PeriodRollup[]) =>
  periods.map((p) => ({ ...p, label: periodText(calendarOf(row), p.period) }));

export function presentSummary(
  row: ProjectRow,
  rollup: ProjectRollup,
  passed: readonly { gateId: string }[],
  pack: DeliveryPack,
): ProjectSummary {
  const calendar = calendarOf(row);
  return {
    id: row.id,
    planId: row.planId,
    initiativeId: row.initiativeId,
    scenario: row.scenario,
    name: row.name as Text,
    provider: row.provider,
    startPeriod: row.startPeriod,
    finishPeriod: row.finishPeriod,
    start: periodText(calendar, row.startPeriod),
    finish: periodText(calendar, row.finishPeriod),
    plannedStart: periodFirstDay(calendar, row.startPeriod),
    plannedFinish: periodLastDay(calendar, row.finishPeriod),
    budgetTotal: rollup.planned,
    actualTotal: rollup.actual,
    progress: rollup.progress,
    light: rollup.light,
    currentGate: currentGate(pack, passed) ?? null,
    version: row.version,
  };
}

export function presentProject(bundle: ProjectBundle, pack: DeliveryPack, today: string): ProjectView {
  const { project: row } = bundle;
  const facts = factsOf(row, bundle.milestones, bundle.costs);
  const rollup = rollupProject(facts, today, pack.light);
  const status = statusLight({
    today,
    milestones: facts.milestones,
    budgetToDate: rollup.budgetToDate,
    actualToDate: rollup.actualToDate,
  });
  const roleParty = new Map(pack.roles.map((r) => [r.id, r.party]));
  const lists = [
    ...pack.gates.map((g) => ({ id: g.id, kind: 'gate' as const, items: g.checklist })),
    ...pack.supervision.map((s) => ({ id: s.id, kind: 'supervision' as const, items: s.items })),
  ];
  return {
    ...presentSummary(row, rollup, bundle.passes, pack),
    scope: row.scope as Text,
    budget: budgetOf(row),
    calendar: calendarOf(row),
    kpiTargets: row.kpiTargets as ProjectView['kpiTargets'],
    risks: row.risks as ProjectView['risks'],
    closedThrough: row.closedThrough,
    packId: row.packId,
    acceptance:
      row.acceptanceRating === null
        ? null
        : {
            rating: row.acceptanceRating,
            comment: row.acceptanceComment ?? '',
            ratedBy: row.acceptanceRatedBy,
            ratedAt: (row.acceptanceRatedAt ?? row.updatedAt).toISOString(),
          },
    team: bundle.team.map((m) => ({
      id: m.id,
      role: m.role,
      party: roleParty.get(m.role) ?? null,
      name: m.name,
      userId: m.userId,
    })),
    milestones: bundle.milestones.map((m) => ({
      id: m.id,
      title: m.title,
      due: m.due,
      doneOn: m.doneOn,
      slipDays: m.due <= today ? milestoneSlip(m, today) : 0,
    })),
    costs: bundle.costs.map((c) => ({
      id: c.id,
      period: c.period,
      amount: c.amount,
      note: c.note,
      enteredAt: c.enteredAt.toISOString(),
    })),
    checklists: lists.map((list) => {
      const items = list.items.map((item) => {
        const tick = bundle.ticks.find((t) => t.checklistId === list.id && t.itemId === item.id);
        return {
          id: item.id,
          ticked: tick !== undefined,
          evidence: (tick?.evidence as string[] | undefined) ?? [],
          tickedAt: tick?.tickedAt.toISOString() ?? null,
          files: bundle.files
            .filter((f) => f.itemId === projectFileItem(list.id, item.id))
            .map((f) => ({ ...f, uploadedAt: f.uploadedAt.toISOString() })),
        };
      });
      return { id: list.id, kind: list.kind, complete: items.every((i) => i.ticked), items };
    }),
    gates: pack.gates.map((g) => {
      const pass = bundle.passes.find((p) => p.gateId === g.id);
      return {
        id: g.id,
        party: g.party,
        passed: pass !== undefined,
        passedAt: pass?.passedAt.toISOString() ?? null,
        passedBy: pass?.passedBy ?? null,
      };
    }),
    status: {
      light: status.light,
      reasons: status.reasons.map((r) => ({ ...r, amount: Number.isFinite(r.amount) ? r.amount : null })),
    },
    rollup: {
      periods: periodsView(row, rollup.periods),
      budgetToDate: rollup.budgetToDate,
      actualToDate: rollup.actualToDate,
    },
    changes: bundle.changes.map((c) => ({
      id: c.id,
      kind: c.kind as ProjectView['changes'][number]['kind'],
      before: c.before as Record<string, unknown>,
      after: c.after as Record<string, unknown>,
      reason: c.reason,
      by: c.changedBy,
      at: c.changedAt.toISOString(),
    })),
  };
}

export interface SummarisedProject {
  row: ProjectRow;
  rollup: ProjectRollup;
  passed: { gateId: string }[];
}

export function presentPlanProjects(
  projects: readonly SummarisedProject[],
  pack: DeliveryPack,
): PlanProjects {
  const rollup = rollupPlan(projects.map((p) => p.rollup));
  const first = projects[0]?.row;
  return {
    projects: projects.map((p) => presentSummary(p.row, p.rollup, p.passed, pack)),
    rollup: {
      ...rollup,
      lights: { ...rollup.lights },
      periods: first ? periodsView(first, rollup.periods) : [],
      targets: rollupTargets(
        projects.map((p) => ({
          id: p.row.id,
          light: p.rollup.light,
          kpiTargets: p.row.kpiTargets as ProjectView['kpiTargets'],
        })),
      ).map((t) => ({ ...t, projects: [...t.projects] })),
    },
  };
}

export function presentPack(pack: DeliveryPack): DeliveryPackView {
  return {
    id: pack.meta.id,
    version: pack.meta.version,
    title: pack.meta.title,
    gates: pack.gates.map((g) => ({ ...g, checklist: [...g.checklist] })),
    supervision: pack.supervision.map((s) => ({ ...s, items: [...s.items] })),
    roles: [...pack.roles],
    invited: (pack.invited ?? []).map((r) => ({ ...r, checklists: [...r.checklists] })),
  };
}
