/** The evaluation feature's answers: the catalogue, imports, KPI values, in the contract's shapes. */
import type {
  KpiCatalogueView,
  LedgerImportView,
  LedgerMapping,
  LedgerProblem,
} from '../../contracts/evaluation.ts';
import type { KpiCatalogue } from '../../core/kpi/catalogue-schema.ts';
import { fieldsOf, parseExpression } from '../../core/kpi/expression.ts';
import type { ImportRow } from './repository.ts';

/** A unit in both languages, its English from the pack's units: (the unit itself when the pack gives none). */
export const unitText = (catalogue: KpiCatalogue, unit: string) => ({
  zh: unit,
  en: catalogue.units?.[unit] ?? unit,
});

/** The fields a KPI's formula reads, in the catalogue's order. */
export function kpiFields(catalogue: KpiCatalogue, formula: string): string[] {
  const parsed = parseExpression(formula);
  const used = new Set(parsed.ok ? fieldsOf(parsed.expr) : []);
  return catalogue.fields.filter((f) => used.has(f.id)).map((f) => f.id);
}

export function presentCatalogue(catalogue: KpiCatalogue): KpiCatalogueView {
  const ledgerOf = new Map(catalogue.fields.map((f) => [f.id, f.ledger]));
  return {
    pack: { id: catalogue.meta.id, version: catalogue.meta.version, title: catalogue.meta.title },
    fields: catalogue.fields.map((f) => ({
      id: f.id,
      name: f.name,
      type: f.type,
      unit: unitText(catalogue, f.unit),
      aggregation: f.aggregation,
      ledger: f.ledger,
      ...(f.description ? { description: f.description } : {}),
    })),
    kpis: catalogue.kpis.map((k) => {
      const fields = kpiFields(catalogue, k.formula);
      return {
        id: k.id,
        name: k.name,
        unit: unitText(catalogue, k.unit),
        direction: k.direction,
        period: k.period,
        formula: k.formula,
        fields,
        ledgers: [...new Set(fields.map((f) => ledgerOf.get(f)!))],
        scenarios: k.scenarios,
        ...(k.atlasKpi ? { atlasKpi: k.atlasKpi } : {}),
        sources: k.sources,
        ...(k.note ? { note: k.note } : {}),
      };
    }),
  };
}

export function presentImport(row: ImportRow): LedgerImportView {
  return {
    id: row.id,
    fileName: row.fileName,
    kind: row.kind as LedgerImportView['kind'],
    format: row.format,
    layout: row.layout,
    mapping: row.mapping as LedgerMapping,
    rows: row.rowCount,
    from: row.dateFrom,
    to: row.dateTo,
    importedBy: row.importedByName,
    importedAt: row.importedAt.toISOString(),
    status: row.status,
    problems: row.problems as LedgerProblem[],
  };
}
