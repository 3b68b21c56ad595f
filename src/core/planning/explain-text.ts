/**
 * Why an initiative is not selected, in words: a short Chinese or English sentence built from the structured facts
 * of a `NotSelected` (explain.ts). Periods are 0-based in the data; the text names them by the plan's calendar labels
 * when given (2027年Q1), else 1-based (第1期 = period 1); runs of consecutive periods are compressed (第1–3、6–7期 /
 * periods 1–3, 6–7). Facts missing from older saved
 * solutions are simply left out of the sentence.
 */
import type { Binding, NotSelected } from './plan-result.ts';

export type ExplainLang = 'zh' | 'en';

/** Display names by initiative id; ids without a name are shown as they are. */
export type InitiativeNames = ReadonlyMap<string, string>;

/** Groups of consecutive periods as [first, last] pairs (input in any order, duplicates ignored). */
export function periodRanges(periods: readonly number[]): [number, number][] {
  const sorted = [...new Set(periods)].sort((a, b) => a - b);
  const ranges: [number, number][] = [];
  for (const p of sorted) {
    const last = ranges[ranges.length - 1];
    if (last && p === last[1] + 1) last[1] = p;
    else ranges.push([p, p]);
  }
  return ranges;
}

/** The label of a 0-based period in calendar time (plan-calendar.ts periodLabel of the plan's start). */
export type PeriodLabel = (period: number) => string;

/**
 * 0-based periods as text: with the plan's calendar labels, 2027年Q1—2027年Q3、2028年Q2 / 2027 Q1–2027 Q3, 2028 Q2;
 * without, 1-based: zh 第1–3、6–7期, en "periods 1–3, 6–7" (or "period 4").
 */
export function periodsText(periods: readonly number[], lang: ExplainLang, label?: PeriodLabel): string {
  if (label !== undefined) {
    const dash = lang === 'zh' ? '—' : '–';
    return periodRanges(periods)
      .map(([a, b]) => (a === b ? label(a) : `${label(a)}${dash}${label(b)}`))
      .join(lang === 'zh' ? '、' : ', ');
  }
  const ranges = periodRanges(periods).map(([a, b]) => (a === b ? `${a + 1}` : `${a + 1}–${b + 1}`));
  if (lang === 'zh') return `第${ranges.join('、')}期`;
  const single = periods.length > 0 && new Set(periods).size === 1;
  return `${single ? 'period' : 'periods'} ${ranges.join(', ')}`;
}

/** Money and people rounded to 2 decimals, thousands separated (1,234.5). */
export function amount(value: number): string {
  return (Math.round(value * 100) / 100).toLocaleString('en-US');
}

interface UsageGroup {
  readonly used: number;
  readonly available: number;
  readonly periods: number[];
}

function usageGroups(binding: Binding): UsageGroup[] {
  const groups: UsageGroup[] = [];
  binding.periods.forEach((period, k) => {
    const used = binding.used[k] ?? 0;
    const available = binding.available[k] ?? 0;
    const group = groups.find(
      (g) => amount(g.used) === amount(used) && amount(g.available) === amount(available),
    );
    if (group) group.periods.push(period);
    else groups.push({ used, available, periods: [period] });
  });
  return groups;
}

/** Beyond this many distinct (used, available) pairs, only the largest headroom is given. */
const MAX_LISTED_GROUPS = 3;

type Resource = 'budget' | 'capacity';

function bindingZh(resource: Resource, binding: Binding, period?: PeriodLabel): string {
  const what = resource === 'budget' ? '预算' : '人力';
  const unit = resource === 'budget' ? ' 万元' : ' 人';
  const where = periodsText(binding.periods, 'zh', period);
  const groups = usageGroups(binding);
  const need = `本举措每期需 ${amount(binding.needPerPeriod)}${unit}`;
  const only = groups.length === 1 ? groups[0] : undefined;
  if (only) {
    const all = binding.periods.length > 1 ? '均' : '';
    return `${where}${what}${all}已用 ${amount(only.used)}/${amount(only.available)}${unit}，${need}`;
  }
  if (groups.length <= MAX_LISTED_GROUPS) {
    const parts = groups.map(
      (g) => `${periodsText(g.periods, 'zh', period)}已用 ${amount(g.used)}/${amount(g.available)}`,
    );
    return `${where}${what}不足（${parts.join('，')}${unit}），${need}`;
  }
  return `${where}${what}剩余至多 ${amount(headroom(groups))}${unit}，${need}`;
}

function bindingEn(resource: Resource, binding: Binding, period?: PeriodLabel): string {
  const what = resource === 'budget' ? 'budget' : 'capacity';
  const unit = resource === 'budget' ? '' : ' people';
  const where = periodsText(binding.periods, 'en', period);
  const groups = usageGroups(binding);
  const need = `needs ${amount(binding.needPerPeriod)}${unit} per period`;
  const only = groups.length === 1 ? groups[0] : undefined;
  let usage: string;
  if (only) {
    const each = binding.periods.length > 1 ? ' each' : '';
    usage = `${amount(only.used)} of ${amount(only.available)}${unit} used${each}`;
  } else if (groups.length <= MAX_LISTED_GROUPS) {
    usage = groups
      .map(
        (g) => `${amount(g.used)} of ${amount(g.available)} used in ${periodsText(g.periods, 'en', period)}`,
      )
      .join(', ');
  } else {
    usage = `at most ${amount(headroom(groups))}${unit} left`;
  }
  return `${what} binding in ${where} (${usage}); ${need}`;
}

function headroom(groups: readonly UsageGroup[]): number {
  return Math.max(0, ...groups.map((g) => g.available - g.used));
}

function resourceText(
  item: Omit<NotSelected, 'reason'>,
  resource: Resource,
  lang: ExplainLang,
  period?: PeriodLabel,
): string {
  const other: Resource = resource === 'budget' ? 'capacity' : 'budget';
  const main = item[resource];
  const extra = item[other];
  const zh = lang === 'zh';
  // English sentences already start with the resource ("budget binding in …"), Chinese ones get a heading
  const label = resource === 'budget' ? '预算受限：' : '人力受限：';
  const what = resource === 'budget' ? (zh ? '预算' : 'budget') : zh ? '人力' : 'capacity';
  let text: string;
  if (main) text = zh ? bindingZh(resource, main, period) : bindingEn(resource, main, period);
  else if (item.periods && item.periods.length > 0)
    text = zh
      ? `${periodsText(item.periods, 'zh', period)}${what}不足`
      : `${what} binding in ${periodsText(item.periods, 'en', period)}`;
  else text = zh ? `任何开工时间${what}都不足` : `${what} is short at every start`;
  if (extra) {
    const also = zh ? bindingZh(other, extra, period) : bindingEn(other, extra, period);
    text += zh ? `；另外${also}` : `; also ${also}`;
  }
  return zh ? `${label}${text}` : text;
}

/**
 * A short sentence saying why `item` is not selected, in `lang`; initiatives are named through `names` and periods
 * through `period` (the plan's calendar labels) if given.
 */
export function notSelectedText(
  item: Omit<NotSelected, 'reason'>,
  lang: ExplainLang,
  names?: InitiativeNames,
  period?: PeriodLabel,
): string {
  const zh = lang === 'zh';
  const name = (id: string): string => names?.get(id) ?? id;
  switch (item.kind) {
    case 'negative-value': {
      const short = item.shortfall;
      if (zh)
        return `价值为负：任何开工时间的净现值都小于零${short === undefined ? '' : `（立即开工仍比成本少 ${amount(short)} 万元，现值）`}`;
      return `negative value: no start has a positive present value${short === undefined ? '' : ` (even started at once it falls ${amount(short)} short of its cost)`}`;
    }
    case 'horizon': {
      const chain = item.chain && item.chain.length > 0 ? item.chain.join(' → ') : undefined;
      if (zh) {
        const takes = item.chainPeriods === undefined ? '' : `需 ${item.chainPeriods} 期`;
        const over = item.horizon === undefined ? '超过规划期' : `超过 ${item.horizon} 期的规划期`;
        return `超出规划期：${chain === undefined ? '前置链' : `前置链 ${chain} `}${takes}${takes ? '，' : ''}${over}`;
      }
      const takes = item.chainPeriods === undefined ? '' : ` takes ${item.chainPeriods} periods,`;
      const over =
        item.horizon === undefined
          ? 'longer than the horizon'
          : `longer than the ${item.horizon}-period horizon`;
      return `beyond the horizon: the prerequisite chain${chain === undefined ? '' : ` ${chain}`}${takes} ${over}`;
    }
    case 'prerequisite': {
      const by = item.by === undefined ? (zh ? '前置举措' : 'a prerequisite') : name(item.by);
      if (item.byLastPeriod === undefined)
        return zh ? `前置条件未满足：${by} 未入选` : `prerequisite not met: ${by} is not selected`;
      const last = periodsText([item.byLastPeriod], lang, period);
      const d = item.duration;
      const own = d === undefined ? '' : zh ? `（需 ${d} 期）` : ` (${d} period${d === 1 ? '' : 's'})`;
      return zh
        ? `前置条件完成太晚：${by} ${last}才完成，本举措${own}无法在规划期内完成`
        : `prerequisite finishes too late: ${by} ends in ${last}, too late to finish this initiative${own} within the horizon`;
    }
    case 'excluded': {
      const by = item.by === undefined ? undefined : name(item.by);
      if (zh) return by === undefined ? '与已入选的举措互斥' : `与已入选的 ${by} 互斥`;
      return by === undefined ? 'excluded by a selected initiative' : `excluded by selected initiative ${by}`;
    }
    case 'gap': {
      if (item.fitsAt === undefined)
        return zh
          ? '求解器在最优性差距内停止，本举措仍可能放得下'
          : 'the solver stopped within its optimality gap; it might still fit';
      const at = periodsText([item.fitsAt], lang, period);
      const adds =
        item.value === undefined
          ? ''
          : zh
            ? `，可增加净现值 ${amount(item.value)} 万元`
            : ` (adding ${amount(item.value)})`;
      return zh
        ? `仍可于${at}开工${adds}；求解器在最优性差距内停止`
        : `it would still fit starting in ${at}${adds}; the solver stopped within its optimality gap`;
    }
    case 'budget-bound':
      return resourceText(item, 'budget', lang, period);
    case 'capacity-bound':
      return resourceText(item, 'capacity', lang, period);
  }
}
