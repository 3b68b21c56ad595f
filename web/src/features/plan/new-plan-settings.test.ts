import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../../../../src/core/planning/candidates-defaults.ts';
import {
  NUMBER_SETTING_KEYS,
  SETTING_FIELDS,
  SETTING_KEYS,
  settingLabel,
  shownSetting,
  withSetting,
} from './new-plan-settings.ts';

const defaults = defaultSettings(
  {
    industry: '装备制造',
    processType: 'discrete',
    employees: 300,
    revenue: 30_000,
    enterpriseType: 'little-giant',
  },
  new Date('2026-12-02T00:00:00Z'),
);

describe('the settings of the new-plan wizard', () => {
  it('offers every setting of the contract, in the form order, labelled', () => {
    expect(SETTING_KEYS).toEqual([
      'periods',
      'periodsPerYear',
      'discountRate',
      'benefitYears',
      'budget',
      'capacity',
      'start',
    ]);
    expect(SETTING_FIELDS.start.quarter).toBe(true);
    expect(NUMBER_SETTING_KEYS).toEqual(SETTING_KEYS.filter((key) => key !== 'start'));
    expect(SETTING_KEYS.map(settingLabel)).toEqual([
      'periods',
      'periodsPerYear',
      'discountRate',
      'benefitYears',
      'budgetPerPeriod',
      'capacity',
      'start',
    ]);
  });

  it('shows the defaults until the user changes one, a per-period list by its first period', () => {
    expect(NUMBER_SETTING_KEYS.map((key) => shownSetting({}, defaults, key))).toEqual([
      defaults.periods,
      defaults.periodsPerYear,
      defaults.discountRate,
      defaults.benefitYears,
      defaults.budget[0],
      defaults.capacity?.[0],
    ]);
    expect(shownSetting({ budget: [120] }, defaults, 'budget')).toBe(120);
    expect(shownSetting({ discountRate: 0.1 }, defaults, 'discountRate')).toBe(0.1);
    expect(shownSetting({}, { ...defaults, capacity: undefined }, 'capacity')).toBe(0);
  });

  it('keeps only what the user changed: a per-period value as a one-period list, a cleared input left out', () => {
    let given = withSetting({}, 'periods', 12);
    given = withSetting(given, 'budget', 250);
    given = withSetting(given, 'capacity', 7);
    expect(given).toEqual({ periods: 12, budget: [250], capacity: [7] });
    given = withSetting(given, 'periods', null);
    expect(given).toEqual({ budget: [250], capacity: [7] });
    expect('periods' in given).toBe(false);
  });

  it('keeps a start the user picked as the quarter it is; the default start is the quarter after today', () => {
    expect(defaults.start).toEqual({ year: 2027, quarter: 1 });
    const given = withSetting({}, 'start', { year: 2027, quarter: 3 });
    expect(given).toEqual({ start: { year: 2027, quarter: 3 } });
    expect(withSetting(given, 'start', null)).toEqual({});
  });
});
