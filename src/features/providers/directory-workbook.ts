/**
 * The provider directory as an Excel workbook, and the reading of one provider's rows back. Two sheets: 服务商
 * (one row per provider: its codes, comma-separated) and 产品 (one row per "小快轻准" product). exceljs is loaded on
 * the first export or import only; a workbook is checked against the sheet limits (xlsx-limits.ts) before exceljs
 * sees it. Every problem is `file/sheet!cell: message`.
 */
import type { Cell, Workbook, Worksheet } from 'exceljs';
import { ANSWER_SHEET_LIMITS } from '../../contracts/diagnosis.ts';
import { DEPLOYMENTS, PRICING_MODELS } from '../../contracts/providers.ts';
import type {
  Deployment,
  PricingModel,
  ProviderProduct,
  ProviderProfile,
} from '../../core/providers/profile.ts';
import { restoreCellText } from '../../core/shared/neutralise.ts';
import { checkWorkbookLimits } from '../../packs/xlsx-limits.ts';
import { workbookBytes } from '../../reports/workbook-file.ts';
import { AppError } from '../../server/app-error.ts';

export const PROVIDER_SHEET = '服务商';
export const PRODUCT_SHEET = '产品';

/** Columns of the provider sheet: header, the profile field (codes joined by ", "). */
export const PROVIDER_COLUMNS = [
  ['服务商ID id', 'id'],
  ['名称 name', 'name'],
  ['类型 types', 'types'],
  ['类别 categories', 'categories'],
  ['能力场景 capabilities', 'capabilities'],
  ['行业 industries', 'industries'],
  ['服务地区 regions', 'regions'],
] as const;
export const PRODUCT_COLUMNS = [
  ['服务商ID provider id', 'provider'],
  ['服务商 provider', 'providerName'],
  ['产品ID product id', 'id'],
  ['产品名称 name', 'name'],
  ['场景 scenarios', 'scenarios'],
  ['最低价（万元） min price', 'min'],
  ['最高价（万元） max price', 'max'],
  ['部署 deployment', 'deployment'],
  ['计费 pricing', 'pricing'],
  ['说明 description', 'description'],
] as const;

const loadExcel = async () => (await import('exceljs')).default;

/** The workbook of the given profiles. */
export async function directoryWorkbook(profiles: readonly ProviderProfile[]): Promise<Buffer> {
  const Excel = await loadExcel();
  const book = new Excel.Workbook();
  const providers = book.addWorksheet(PROVIDER_SHEET);
  providers.addRow(PROVIDER_COLUMNS.map(([h]) => h));
  const products = book.addWorksheet(PRODUCT_SHEET);
  products.addRow(PRODUCT_COLUMNS.map(([h]) => h));
  for (const p of profiles) {
    providers.addRow([
      p.id,
      p.name,
      p.types.join(', '),
      p.categories.join(', '),
      p.capabilities.join(', '),
      p.industries.join(', '),
      p.regions.join(', '),
    ]);
    for (const x of p.products)
      products.addRow([
        p.id,
        p.name,
        x.id,
        x.name,
        x.scenarios.join(', '),
        x.price.min,
        x.price.max,
        x.deployment.join(', '),
        x.pricing.join(', '),
        x.description ?? '',
      ]);
  }
  for (const sheet of [providers, products]) {
    sheet.getRow(1).font = { bold: true };
    sheet.columns.forEach((c) => (c.width = 24));
  }
  return workbookBytes(book);
}

export interface SheetProblem {
  /** file/sheet!cell */
  where: string;
  message: string;
}

/** What one provider's rows say: the codes of its profile and its products, with the cell of each value. */
export interface ImportedRows {
  fields: Pick<ProviderProfile, 'types' | 'categories' | 'capabilities' | 'industries' | 'regions'>;
  products: ProviderProduct[];
  /** the cell each profile path comes from (`types`, `products.2.price` …), to place the profile's own problems */
  cellOf: Map<string, string>;
}

/** A cell's text, trimmed; the formula marker the export put on a text taken off (restoreCellText). */
const text = (cell: Cell): string => {
  const v = cell.value;
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return restoreCellText(v).trim();
  if (typeof v === 'object' && 'richText' in v)
    return restoreCellText(v.richText.map((r) => r.text).join('')).trim();
  if (typeof v === 'object' && 'text' in v) return restoreCellText(String(v.text)).trim();
  if (typeof v === 'object' && 'result' in v) {
    const r = v.result;
    return typeof r === 'string' || typeof r === 'number' || typeof r === 'boolean' ? String(r).trim() : '';
  }
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return typeof v === 'object' ? '' : String(v).trim();
};
const list = (s: string) =>
  s
    .split(/[,，、;；\s]+/)
    .map((x) => x.trim())
    .filter(Boolean);

/**
 * The rows of provider `providerId` in a directory workbook: its one row of 服务商 and its rows of 产品. A row of
 * another provider is a problem (a provider imports only itself), as is a missing sheet, a header that is not the
 * export's, a price that is not a number, a deployment or pricing model not known.
 */
export async function readProviderRows(
  content: Buffer,
  fileName: string,
  providerId: string,
): Promise<ImportedRows> {
  const over = checkWorkbookLimits(content, ANSWER_SHEET_LIMITS);
  if (over) {
    const where = `${fileName}${over.sheet ? `/${over.sheet}` : ''}${over.row !== null ? `!row ${over.row}` : ''}`;
    if (over.limit !== undefined)
      throw new AppError(413, 'sheet_over_limit', `${where}: ${over.message}; nothing was imported`, {
        limit: over.limit,
      });
    throw invalidWorkbook([{ where, message: over.message }]);
  }
  const Excel = await loadExcel();
  const book: Workbook = new Excel.Workbook();
  try {
    await book.xlsx.load(content as unknown as ArrayBuffer);
  } catch (err) {
    throw invalidWorkbook([
      {
        where: fileName,
        message: `cannot read workbook: ${err instanceof Error ? err.message : String(err)}`,
      },
    ]);
  }
  const problems: SheetProblem[] = [];
  const at = (sheet: string, cell: string) => `${fileName}/${sheet}!${cell}`;
  const sheetOf = (name: string, columns: readonly (readonly [string, string])[]): Worksheet | undefined => {
    const sheet = book.getWorksheet(name);
    if (!sheet) {
      problems.push({
        where: `${fileName}/${name}`,
        message: `no sheet "${name}" (export the directory for the layout)`,
      });
      return undefined;
    }
    columns.forEach(([header], i) => {
      const cell = sheet.getRow(1).getCell(i + 1);
      if (text(cell) !== header)
        problems.push({
          where: at(name, cell.address),
          message: `expected the header "${header}", found "${text(cell)}"`,
        });
    });
    return sheet;
  };
  const providers = sheetOf(PROVIDER_SHEET, PROVIDER_COLUMNS);
  const productSheet = sheetOf(PRODUCT_SHEET, PRODUCT_COLUMNS);
  if (!providers || !productSheet || problems.length > 0) throw invalidWorkbook(problems);

  const cellOf = new Map<string, string>();
  let fields: ImportedRows['fields'] | undefined;
  providers.eachRow((row, n) => {
    if (n === 1) return;
    const id = text(row.getCell(1));
    if (id === '' && row.cellCount === 0) return;
    if (id !== providerId) {
      problems.push({
        where: at(PROVIDER_SHEET, `A${n}`),
        message: `provider ${id || '(empty)'} is not yours: import your own row only`,
      });
      return;
    }
    if (fields) {
      problems.push({ where: at(PROVIDER_SHEET, `A${n}`), message: 'your provider appears twice' });
      return;
    }
    const get = (col: number) => list(text(row.getCell(col)));
    fields = { types: get(3), categories: get(4), capabilities: get(5), industries: get(6), regions: get(7) };
    ['types', 'categories', 'capabilities', 'industries', 'regions'].forEach((f, i) =>
      cellOf.set(f, at(PROVIDER_SHEET, `${String.fromCharCode(67 + i)}${n}`)),
    );
  });
  if (!fields)
    problems.push({
      where: `${fileName}/${PROVIDER_SHEET}`,
      message: `no row for your provider ${providerId}`,
    });

  const products: ProviderProduct[] = [];
  productSheet.eachRow((row, n) => {
    if (n === 1) return;
    const owner = text(row.getCell(1));
    if (owner !== providerId) {
      problems.push({
        where: at(PRODUCT_SHEET, `A${n}`),
        message: `provider ${owner || '(empty)'} is not yours: import your own products only`,
      });
      return;
    }
    const cell = (col: string) => at(PRODUCT_SHEET, `${col}${n}`);
    const number = (col: string, c: Cell) => {
      const v = c.value;
      const x = typeof v === 'number' ? v : Number(text(c));
      if (text(c) === '' || !Number.isFinite(x)) {
        problems.push({ where: cell(col), message: `expected a price in 万元, found "${text(c)}"` });
        return 0;
      }
      return x;
    };
    const i = products.length;
    const deployment = list(text(row.getCell(8)));
    const pricing = list(text(row.getCell(9)));
    deployment.forEach((d) => {
      if (!(DEPLOYMENTS as readonly string[]).includes(d))
        problems.push({
          where: cell('H'),
          message: `deployment "${d}" is not one of ${DEPLOYMENTS.join(', ')}`,
        });
    });
    pricing.forEach((d) => {
      if (!(PRICING_MODELS as readonly string[]).includes(d))
        problems.push({
          where: cell('I'),
          message: `pricing "${d}" is not one of ${PRICING_MODELS.join(', ')}`,
        });
    });
    const description = text(row.getCell(10));
    const product: ProviderProduct = {
      id: text(row.getCell(3)),
      name: text(row.getCell(4)),
      scenarios: list(text(row.getCell(5))),
      price: { min: number('F', row.getCell(6)), max: number('G', row.getCell(7)) },
      deployment: deployment as Deployment[],
      pricing: pricing as PricingModel[],
      ...(description ? { description } : {}),
    };
    if (!product.id) problems.push({ where: cell('C'), message: 'a product needs an id' });
    if (!product.name) problems.push({ where: cell('D'), message: 'a product needs a name' });
    products.push(product);
    cellOf.set(`products.${i}`, cell('C'));
    cellOf.set(`products.${i}.id`, cell('C'));
    cellOf.set(`products.${i}.scenarios`, cell('E'));
    cellOf.set(`products.${i}.price`, cell('F'));
    cellOf.set(`products.${i}.deployment`, cell('H'));
    cellOf.set(`products.${i}.pricing`, cell('I'));
  });
  if (problems.length > 0 || !fields) throw invalidWorkbook(problems);
  return { fields, products, cellOf };
}

export function invalidWorkbook(problems: readonly SheetProblem[]): AppError {
  const [first] = problems;
  const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : '';
  return new AppError(
    400,
    'invalid_workbook',
    `${first ? `${first.where}: ${first.message}` : 'invalid workbook'}${more}; nothing was imported`,
    { problems },
  );
}
