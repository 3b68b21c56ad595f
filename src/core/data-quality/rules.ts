/**
 * Data quality rules (a rules file, or proposed from the data), each scored under one GB/T 36344-2018 dimension:
 *
 *   规范性 conformity     type, pattern, reference list (权威参考数据)
 *   完整性 completeness   required (an empty cell is null)
 *   准确性 accuracy       range, uniqueness (数据唯一性, 重复率)
 *   一致性 consistency    cross-field checks (关联数据一致性), e.g. 发货日期 >= 下单日期
 *   时效性 timeliness     freshness: the latest date is within maxAgeDays of the as-of date
 *   可访问性 accessibility every row could be read: decoded without replacement characters, with the header's
 *                         number of cells
 */
import { z } from 'zod';
import { parseExpression } from '../kpi/expression.ts';

export const DIMENSIONS = ['规范性', '完整性', '准确性', '一致性', '时效性', '可访问性'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

export const VALUE_TYPES = ['integer', 'number', 'date', 'boolean', 'text'] as const;
export type ValueType = (typeof VALUE_TYPES)[number];

const Bound = z.union([z.number(), z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date bound is YYYY-MM-DD')]);

export const ColumnRules = z.strictObject({
  type: z.enum(VALUE_TYPES).optional(),
  required: z.boolean().optional(),
  range: z.strictObject({ min: Bound.optional(), max: Bound.optional() }).optional(),
  pattern: z
    .string()
    .min(1)
    .refine((p) => {
      try {
        new RegExp(p, 'u');
        return true;
      } catch {
        return false;
      }
    }, 'not a valid regular expression')
    .optional(),
  values: z
    .array(z.union([z.string(), z.number()]).transform(String))
    .min(1)
    .optional(),
  unique: z.boolean().optional(),
  freshness: z.strictObject({ maxAgeDays: z.number().int().positive() }).optional(),
});
export type ColumnRules = z.infer<typeof ColumnRules>;

export const CrossCheck = z.strictObject({
  id: z.string().regex(/^[a-z][a-z0-9-]*$/, 'an id is lower-case letters, digits and hyphens'),
  /** a formula over column names (expression.ts); the row passes when it is true (non-zero) */
  check: z.string().superRefine((text, ctx) => {
    const r = parseExpression(text);
    if (!r.ok) ctx.addIssue({ code: 'custom', message: `column ${r.problem.column}: ${r.problem.message}` });
  }),
  description: z.string().optional(),
});
export type CrossCheck = z.infer<typeof CrossCheck>;

export const RulesFile = z.strictObject({
  /** the date freshness is judged against (YYYY-MM-DD); today when absent */
  asOf: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'asOf is YYYY-MM-DD')
    .optional(),
  columns: z.record(z.string(), ColumnRules).default({}),
  checks: z.array(CrossCheck).default([]),
});
export type RulesFile = z.infer<typeof RulesFile>;

export type RuleKind = keyof ColumnRules | 'cross-field' | 'readable';

export const DIMENSION_OF: Record<RuleKind, Dimension> = {
  type: '规范性',
  pattern: '规范性',
  values: '规范性',
  required: '完整性',
  range: '准确性',
  unique: '准确性',
  'cross-field': '一致性',
  freshness: '时效性',
  readable: '可访问性',
};
