/**
 * The plan document (转型规划方案, guide 二(一)) of a stored plan: the renderer's input built from the plan record, its
 * last solution, the atlas and the section edits kept in `plans.document`.
 */
import type { Atlas } from '../../core/atlas/types.ts';
import { candidateBenefit } from '../../core/planning/candidates.ts';
import type { PlanResult } from '../../core/planning/plan-result.ts';
import { parsePlanSolution } from '../../reports/plan-document-input.ts';
import {
  PLAN_LANGS,
  planDocumentEditsSchema,
  type PlanDocumentEdits,
  type PlanDocumentEditsByLang,
  type PlanDocumentInput,
  type PlanLang,
} from '../../reports/plan-document-types.ts';
import type { PlanChange, PlanRecord } from './repository.ts';
import { AppError } from '../../server/app-error.ts';
import { inputKey, instanceInput, validInstance, type StoredPlan } from './stored-plan.ts';
import { partsToWrite } from '../../server/versioned-save.ts';

/** Why a plan cannot be exported yet: never optimised, or changed since its last optimisation. */
export type PlanDocumentBlock = 'not_solved' | 'stale';

export function planDocumentBlock(plan: StoredPlan): PlanDocumentBlock | null {
  if (plan.solution === null) return 'not_solved';
  return plan.solution.inputKey === inputKey(instanceInput(plan)) ? null : 'stale';
}

export function planNotSolved(block: PlanDocumentBlock): AppError {
  return new AppError(
    409,
    'plan_not_solved',
    block === 'stale'
      ? 'The plan changed since it was last optimised: optimise the plan first, then export its document'
      : 'The plan has no roadmap yet: optimise the plan first, then export its document',
    { reason: block },
  );
}

/** The edits with their unset sections dropped. */
export function definedEdits(edits: PlanDocumentEdits): PlanDocumentEdits {
  return Object.fromEntries(Object.entries(edits).filter(([, text]) => text !== undefined));
}

function readEdits(value: unknown): PlanDocumentEdits | undefined {
  const parsed = planDocumentEditsSchema.safeParse(value ?? {});
  return parsed.success ? definedEdits(parsed.data) : undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Only the languages with at least one edit (an empty store is `{}`). */
function withoutEmpty(store: PlanDocumentEditsByLang): PlanDocumentEditsByLang {
  return Object.fromEntries(
    PLAN_LANGS.flatMap((lang) => {
      const edits = store[lang];
      return edits && Object.keys(edits).length > 0 ? [[lang, edits]] : [];
    }),
  );
}

/**
 * Every language's edits kept in `plans.document`: the per-language shape `{ zh: {…}, en: {…} }`, or the flat
 * `{ sectionId: text }` written before edits were per language, read as the Chinese edits. Anything unreadable
 * (a whole row, or one language of it) counts as no edits: the pre-filled text is printed.
 */
export function storedEditsByLang(document: unknown): PlanDocumentEditsByLang {
  if (!isRecord(document)) return {};
  const keys = Object.keys(document);
  const perLang = keys.length > 0 && keys.every((k) => (PLAN_LANGS as readonly string[]).includes(k));
  if (!perLang) {
    const flat = readEdits(document);
    return flat ? withoutEmpty({ zh: flat }) : {};
  }
  return withoutEmpty(Object.fromEntries(PLAN_LANGS.map((lang) => [lang, readEdits(document[lang])])));
}

/** The edits of one language kept in `plans.document` (see storedEditsByLang). */
export function storedEdits(document: unknown, lang: PlanLang): PlanDocumentEdits {
  return storedEditsByLang(document)[lang] ?? {};
}

/**
 * The `plans.document` value to store: always the per-language shape, languages without edits left out, null
 * when no language has any. `replace` sets one language's edits and keeps the others'.
 */
export function documentToStore(
  document: unknown,
  replace?: { lang: PlanLang; edits: PlanDocumentEdits },
): PlanDocumentEditsByLang | null {
  const store = storedEditsByLang(document);
  const next = withoutEmpty(replace ? { ...store, [replace.lang]: replace.edits } : store);
  return Object.keys(next).length === 0 ? null : next;
}

/**
 * A save of one language's sections at `version`: `sections` maps each section sent to its text, undefined for a
 * reset (the pre-filled text printed). Each section is a part of the plan (`document.<lang>.<section>`): one someone
 * else changed since `version` answers StaleSave; the others are merged into the stored edits, the sections not sent
 * kept as stored.
 */
export function documentSave(
  record: PlanRecord,
  lang: PlanLang,
  sections: Readonly<Record<string, string | undefined>>,
  version: number,
): PlanChange {
  const stored: Record<string, string | undefined> = { ...storedEdits(record.document, lang) };
  const key = (id: string) => `document.${lang}.${id}`;
  const ids = Object.keys(sections);
  const parts = partsToWrite(
    new Map(ids.map((id) => [key(id), sections[id]])),
    new Map(ids.map((id) => [key(id), stored[id]])),
    record,
    version,
  );
  for (const id of ids) if (parts.includes(key(id))) stored[id] = sections[id];
  const edits = definedEdits(stored);
  return {
    patch: { document: documentToStore(record.document, { lang, edits }) },
    parts,
    touchesInputs: false,
  };
}

/** An empty roadmap (its reason in the document's language), so the editor can show section titles and pre-filled texts before the first optimisation. */
const NOT_SOLVED: PlanResult = {
  status: 'unknown',
  objective: null,
  gap: null,
  bound: null,
  schedule: [],
  notSelected: [],
  stats: { variables: 0, rows: 0, seconds: 0 },
};

export interface PlanDocumentContext {
  readonly atlas: Atlas;
  /** The organisation's name; the enterprise name of the plan's profile wins when it has one. */
  readonly organisation: string;
  readonly lang: PlanLang;
  readonly edits: PlanDocumentEdits;
  readonly generatedAt?: Date;
}

/**
 * The renderer's input for a stored plan. `requireSolution` (export) answers 409 plan_not_solved for a plan without a
 * current solution; without it (editor) such a plan gets an empty roadmap.
 */
export function planDocumentInput(
  plan: StoredPlan,
  context: PlanDocumentContext,
  options: { requireSolution: boolean },
): PlanDocumentInput {
  const block = planDocumentBlock(plan);
  if (block !== null && options.requireSolution) throw planNotSolved(block);
  const instance = validInstance(plan);
  const { lang } = context;
  let solution: PlanResult = {
    ...NOT_SOLVED,
    reason: lang === 'zh' ? '规划尚未优化求解' : 'the plan has not been optimised yet',
  };
  if (block === null && plan.solution !== null) {
    const parsed = parsePlanSolution(plan.solution.result, instance);
    if (!parsed.ok)
      throw new AppError(
        409,
        'plan_not_solved',
        'The saved roadmap does not fit the plan: optimise it again',
        {
          problems: parsed.problems,
        },
      );
    solution = parsed.value;
  }
  const byId = new Map(plan.initiatives.map((c) => [c.id, c]));
  const { profile } = plan;
  return {
    organisation: { name: profile.name?.trim() || context.organisation },
    profile,
    settings: { ...instance, start: plan.settings.start },
    initiatives: instance.initiatives.map((initiative) => {
      const candidate = byId.get(initiative.id);
      if (!candidate) return initiative;
      const title = candidate.name[lang].trim();
      const scope = candidate.scope[lang].trim();
      return {
        ...initiative,
        ...(title ? { title } : {}),
        ...(scope ? { scope } : {}),
        benefitByTag: candidateBenefit(profile, candidate).byValueTag,
      };
    }),
    solution,
    risks: plan.risks,
    atlas: context.atlas,
    lang,
    edits: context.edits,
    ...(context.generatedAt ? { generatedAt: context.generatedAt } : {}),
  };
}
