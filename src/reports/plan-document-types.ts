/**
 * The plan document (转型规划方案, guide 二(一)): what it is made from and what it is made of. Plain data, so that
 * the plans API can build it from database rows, the CLI from files, and both renderers (DOCX, PDF) from the same
 * document. User edits replace a section's pre-filled text and nothing else.
 */
import type { EChartsCoreOption } from 'echarts';
import { z } from 'zod';
import type { Atlas } from '../core/atlas/types.ts';
import type { EnterpriseProfile } from '../core/planning/candidates-defaults.ts';
import type { PlanInitiative, PlanSettings } from '../core/planning/plan-instance.ts';
import type { PlanResult } from '../core/planning/plan-result.ts';
import type { RiskEntry } from '../core/planning/risk.ts';

export type PlanLang = 'zh' | 'en';
/** The plan document's languages; section edits are kept per language. */
export const PLAN_LANGS = ['zh', 'en'] as const satisfies readonly PlanLang[];

/** Section ids in document order. */
export const PLAN_SECTION_IDS = [
  'vision', // 目标愿景
  'strategy', // 分类推进策略 (guide 四)
  'task-framework', // 任务框架
  'architecture', // 系统架构
  'technical-route', // 技术路线
  'standards', // 标准体系
  'implementation', // 实施任务 + 分阶段子任务和实施项目清单
  'budget', // 投入预算
  'safeguards', // 保障条件
  'risks', // 风险评估
] as const;
export type PlanSectionId = (typeof PLAN_SECTION_IDS)[number];

/** One language's user edits: section id → replacement text (paragraphs separated by newlines). */
export const planDocumentEditsSchema = z
  .object(
    Object.fromEntries(PLAN_SECTION_IDS.map((id) => [id, z.string().max(100_000).optional()])) as Record<
      PlanSectionId,
      z.ZodOptional<z.ZodString>
    >,
  )
  .strict();
export type PlanDocumentEdits = Partial<Record<PlanSectionId, string>>;
/**
 * The edits as stored in `plans.document`: language → that language's section edits, e.g.
 * `{ zh: { vision: '…' }, en: { vision: '…' } }`. Rows written before edits were per language hold one flat
 * `{ sectionId: text }` object, read as the Chinese edits.
 */
export type PlanDocumentEditsByLang = Partial<Record<PlanLang, PlanDocumentEdits>>;

/** An initiative as the plan document reads it: the solver's fields plus optional wording. */
export interface PlanDocumentInitiative extends PlanInitiative {
  /** Display title (falls back to `name`, then `id`). */
  readonly title?: string;
  /** What the project does (falls back to the scenario's description). */
  readonly scope?: string;
  /** Expected annual benefit split by value tag (提质/降本/…), same money unit. */
  readonly benefitByTag?: Readonly<Record<string, number>>;
}

/**
 * The enterprise profile as far as it is known: the one EnterpriseProfile of the plans (a CLI instance file may give
 * only some of it).
 */
export type PlanDocumentProfile = Partial<EnterpriseProfile>;

/**
 * The plan's settings (PlanSettings), where budget and capacity may also be one number for every period, and the
 * money unit costs and benefits are printed in (default 万元 / CNY 10k).
 */
export interface PlanDocumentSettings extends Omit<PlanSettings, 'budget' | 'capacity'> {
  readonly budget: number | PlanSettings['budget'];
  readonly capacity?: number | NonNullable<PlanSettings['capacity']>;
  readonly moneyUnit?: string;
}

export interface PlanDocumentInput {
  readonly organisation: { readonly name: string };
  readonly profile: PlanDocumentProfile;
  readonly settings: PlanDocumentSettings;
  readonly initiatives: readonly PlanDocumentInitiative[];
  readonly solution: PlanResult;
  readonly risks: readonly RiskEntry[];
  readonly atlas: Atlas;
  readonly lang: PlanLang;
  readonly edits?: PlanDocumentEdits;
  /** Printed date (the caller's "now"; keeps the document pure). Defaults to the solution-less text "—". */
  readonly generatedAt?: Date | string;
  /** Document title (default 数字化转型规划方案 / Digital transformation plan). */
  readonly title?: string;
}

export interface PlanTableColumn {
  readonly label: string;
  readonly align?: 'left' | 'right';
  /** Relative width (default 1). */
  readonly width?: number;
}

/** A table with pre-formatted cells; the last row is a total row when `totalRow` is set. */
export interface PlanTable {
  readonly id: string;
  readonly title: string;
  readonly columns: readonly PlanTableColumn[];
  readonly rows: readonly (readonly string[])[];
  readonly totalRow?: boolean;
  /** Shown instead of an empty table. */
  readonly emptyText?: string;
}

export interface PlanChart {
  readonly id: 'roadmap' | 'budget';
  readonly title: string;
  readonly option: EChartsCoreOption;
  readonly width: number;
  readonly height: number;
}

export interface PlanSection {
  readonly id: PlanSectionId;
  /** Chinese or Arabic ordinal, e.g. 一 / 1 */
  readonly number: string;
  readonly title: string;
  /** Heading as printed, e.g. 一、目标愿景 */
  readonly heading: string;
  /** The text printed: the edit when there is one, else the pre-filled text. Paragraphs separated by newlines. */
  readonly text: string;
  readonly prefilled: string;
  readonly edited: boolean;
  readonly tables: readonly PlanTable[];
  readonly charts: readonly PlanChart[];
}

/** One scheduled project of the 实施项目清单, with its numbers unformatted. */
export interface PlanProjectRow {
  readonly id: string;
  readonly title: string;
  readonly scenarioCode?: string;
  readonly scenarioName?: string;
  readonly category?: string;
  /** 0-based periods, inclusive. */
  readonly start: number;
  readonly end: number;
  readonly cost: number;
  readonly annualBenefit: number;
  /** Risk-adjusted NPV at the plan's start (= the solver's start value). */
  readonly npv: number;
  readonly irr: number | null;
  readonly paybackYears: number | null;
}

export interface PlanBudgetPeriod {
  readonly period: number;
  readonly label: string;
  readonly budget: number;
  readonly spend: number;
}

export interface PlanBudgetSummary {
  readonly periods: readonly PlanBudgetPeriod[];
  /** Category name → total cost of the scheduled projects in it. */
  readonly byCategory: readonly { readonly category: string; readonly cost: number }[];
  readonly totalBudget: number;
  readonly totalSpend: number;
}

export interface PlanDocument {
  readonly lang: PlanLang;
  readonly title: string;
  readonly organisation: string;
  readonly dateText: string;
  /** One line under the title: horizon, atlas pack, solver status. */
  readonly subtitle: string;
  readonly moneyUnit: string;
  readonly sections: readonly PlanSection[];
  readonly projects: readonly PlanProjectRow[];
  readonly budget: PlanBudgetSummary;
  /** Labels the renderers need (table of contents, cover). */
  readonly labels: { readonly contents: string; readonly generatedBy: string };
}
