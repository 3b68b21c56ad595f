/**
 * The plan document of a plan (转型规划方案, guide 二(一)): its sections with pre-filled texts to edit before export,
 * and the document itself as Word or PDF. Export needs a current roadmap (409 plan_not_solved otherwise).
 */
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AtlasCatalog } from '../../core/atlas/types.ts';
import { PlanDocumentView, SavePlanDocument } from '../../contracts/plan-document.ts';
import type { Db } from '../../db/client.ts';
import type { SessionView } from '../../server/sessions/accounts.ts';
import { findOrganisationName } from '../assessments/repositories/assessments.ts';
import { changePlan, findPlan, type PlanRow } from './repository.ts';
import {
  PLAN_DOCUMENT_CONTENT_TYPES,
  PLAN_DOCUMENT_FORMATS,
  renderPlanDocument,
} from '../../reports/plan-document-file.ts';
import { buildPlanDocument, prefilledSectionTexts } from '../../reports/plan-document-model.ts';
import {
  PLAN_LANGS,
  PLAN_SECTION_IDS,
  planDocumentEditsSchema,
  type PlanDocumentEdits,
  type PlanDocumentInput,
  type PlanLang,
  type PlanSectionId,
} from '../../reports/plan-document-types.ts';
import { PdfPrinter } from '../../reports/pdf.ts';
import { AppError, badRequest, notFound } from '../../server/app-error.ts';
import { requireSession } from '../../server/sessions/current-session.ts';
import { requireWriter } from '../../server/access/policies.ts';
import {
  definedEdits,
  documentSave,
  planDocumentBlock,
  planDocumentInput,
  storedEdits,
} from './plan-document.ts';
import { readPlan, type StoredPlan } from './plans.ts';
import { orStale, requireVersion } from '../../server/versioned-save.ts';
import { attachment } from '../assessments/indicator-system-routes.ts';

const tags = ['plans'];
const IdParams = z.object({ id: z.uuid() });
/** The document's language: its headings and pre-filled texts, and which edits are read, saved and printed. */
const LangQuery = z.object({ lang: z.enum(PLAN_LANGS).default('zh') });

/** The download's name: the plan's title, safe for file systems, naming the document unless it says 规划 / plan. */
function fileName(title: string, lang: PlanLang, format: string): string {
  const safe =
    [...title]
      .map((ch) => (ch.charCodeAt(0) < 0x20 || '\\/:*?"<>|'.includes(ch) ? '_' : ch))
      .join('')
      .trim() || (lang === 'zh' ? '数字化转型规划' : 'Digital transformation plan');
  const named = safe.includes('规划') || /plan/i.test(safe);
  return `${named ? safe : `${safe}-${lang === 'zh' ? '数字化转型规划' : 'transformation-plan'}`}.${format}`;
}

function view(plan: StoredPlan, input: PlanDocumentInput): PlanDocumentView {
  const blocked = planDocumentBlock(plan);
  return {
    version: plan.row.version,
    ready: blocked === null,
    blocked,
    sections: buildPlanDocument(input).sections.map((s) => ({
      id: s.id,
      title: s.heading,
      prefilled: s.prefilled,
      text: s.text,
      edited: s.edited,
    })),
  };
}

/** The sections sent, each with the text to keep: undefined (a reset) when empty or the section's pre-filled text. */
function sentSections(
  edits: PlanDocumentEdits,
  prefilled: Record<PlanSectionId, string>,
): Record<string, string | undefined> {
  return Object.fromEntries(
    PLAN_SECTION_IDS.flatMap((id) => {
      const text = edits[id];
      if (text === undefined) return [];
      return [[id, text.trim() === '' || text.trim() === prefilled[id].trim() ? undefined : text]];
    }),
  );
}

export function planDocumentRoutes(db: Db, atlases: AtlasCatalog): FastifyPluginAsyncZod {
  const load = async (
    request: FastifyRequest,
    id: string,
    access: 'read' | 'write',
  ): Promise<{ session: SessionView; plan: StoredPlan }> => {
    const session = await requireSession(db, request);
    if (access === 'write') await requireWriter(db, session);
    const row = await findPlan(db, session.orgId, id);
    if (!row) throw notFound('Plan');
    return { session, plan: readPlan(row) };
  };
  const inputFor = async (
    session: SessionView,
    plan: StoredPlan,
    lang: PlanLang,
    edits: PlanDocumentEdits,
    requireSolution: boolean,
  ): Promise<PlanDocumentInput> => {
    const atlas = atlases.get(plan.row.atlasPackId);
    if (!atlas)
      throw new AppError(
        409,
        'atlas_missing',
        `The plan's atlas pack ${plan.row.atlasPackId} is not installed`,
      );
    const org = await findOrganisationName(db, session.orgId);
    return planDocumentInput(
      plan,
      { atlas, organisation: org?.name ?? '', lang, edits, generatedAt: new Date() },
      { requireSolution },
    );
  };

  return async (app) => {
    const printer = new PdfPrinter();
    app.addHook('onClose', async () => printer.close());

    app.get(
      '/api/plans/:id/document',
      {
        config: { access: 'read' },
        schema: {
          tags,
          summary:
            "The plan document sections in ?lang=zh|en: pre-filled text, that language's stored edit, text printed",
          params: IdParams,
          querystring: LangQuery,
          response: { 200: PlanDocumentView },
        },
      },
      async (request) => {
        const { session, plan } = await load(request, request.params.id, 'read');
        const { lang } = request.query;
        const edits = storedEdits(plan.row.document, lang);
        return view(plan, await inputFor(session, plan, lang, edits, false));
      },
    );

    app.put(
      '/api/plans/:id/document',
      {
        config: { access: 'write' },
        schema: {
          tags,
          summary:
            "Save the section edits of ?lang=zh|en at the plan `version` edited: only the sections sent change (empty or the pre-filled text = reset), the others and the other language's are kept; 400 names an unknown section and saves nothing; 409 stale_version names a section someone else changed since",
          params: IdParams,
          querystring: LangQuery,
          body: SavePlanDocument,
          response: { 200: PlanDocumentView },
        },
      },
      async (request) => {
        const { session, plan } = await load(request, request.params.id, 'write');
        const unknown = Object.keys(request.body.edits).filter(
          (id) => !(PLAN_SECTION_IDS as readonly string[]).includes(id),
        );
        if (unknown.length > 0)
          throw badRequest(
            `Unknown plan document section${unknown.length === 1 ? '' : 's'}: ${unknown.join(', ')} (sections: ${PLAN_SECTION_IDS.join(', ')})`,
            { unknown },
          );
        const parsed = planDocumentEditsSchema.safeParse(request.body.edits);
        if (!parsed.success)
          throw badRequest(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
        const { lang } = request.query;
        const version = requireVersion(request.body.version, 'plan document');
        const input = await inputFor(session, plan, lang, {}, false);
        const sections = sentSections(definedEdits(parsed.data), prefilledSectionTexts(input));
        const present = async (row: PlanRow | undefined): Promise<PlanDocumentView> => {
          if (!row) throw notFound('Plan');
          const now = readPlan(row);
          return view(now, await inputFor(session, now, lang, storedEdits(row.document, lang), false));
        };
        return present(
          await orStale(
            'plan document',
            () =>
              changePlan(db, session.orgId, plan.row.id, (row) => documentSave(row, lang, sections, version)),
            async () => present(await findPlan(db, session.orgId, plan.row.id)),
          ),
        );
      },
    );

    app.get(
      '/api/plans/:id/document.:format',
      {
        config: { access: 'read' },
        schema: {
          tags,
          summary:
            "Download the plan document (document.docx or document.pdf; ?lang=zh|en, printing that language's edits); 409 until optimised",
          params: IdParams.extend({ format: z.enum(PLAN_DOCUMENT_FORMATS) }),
          querystring: LangQuery,
        },
      },
      async (request, reply) => {
        const { id, format } = request.params;
        const { lang } = request.query;
        const { session, plan } = await load(request, id, 'read');
        const input = await inputFor(session, plan, lang, storedEdits(plan.row.document, lang), true);
        const file = await renderPlanDocument(input, format, printer);
        return reply
          .type(PLAN_DOCUMENT_CONTENT_TYPES[format])
          .header('content-disposition', attachment(fileName(plan.row.title, lang, format)))
          .send(file);
      },
    );
  };
}
