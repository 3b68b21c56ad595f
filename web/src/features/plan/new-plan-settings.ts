import type { PlanSettings, PlanStart } from '../../../../src/contracts/planning.ts';
import type { PlanSettings as DefaultSettings } from '../../../../src/core/planning/plan-instance.ts';
import type { planZh } from './messages.zh.ts';

/**
 * The settings step of the new-plan wizard. The form keeps only the settings the user changed, as the contract's
 * `Partial<PlanSettings>`, and sends that object as it is: the server puts it over the enterprise type's defaults and
 * cuts or extends every per-period list to the horizon (create-plan.ts). A new plan setting is then one schema change
 * (src/contracts/planning.ts and src/core/planning/plan-instance.ts, checked equal), its entry in SETTING_FIELDS
 * below (which does not compile without it) and its label in the messages.
 */

type SettingKey = keyof PlanSettings;
type PerPeriod<K extends SettingKey> = NonNullable<PlanSettings[K]> extends readonly number[] ? true : false;
/** A setting entered as a number (a per-period list: one number for every period). */
export type NumberKey = {
  [K in SettingKey]: NonNullable<PlanSettings[K]> extends number | readonly number[] ? K : never;
}[SettingKey];
/** The messages under plan.wizard: a setting's label is the one named after it, or the one its field names. */
export type WizardMessage = keyof (typeof planZh)['plan']['wizard'];

/**
 * The input of one setting: a number (a per-period list is entered as one value, the same for every period), or a
 * quarter (year and quarter: the plan's start).
 */
export type SettingField<K extends SettingKey = SettingKey> = (K extends NumberKey
  ? { min: number; max: number; step: number; quarter?: never }
  : PlanSettings[K] extends PlanStart
    ? { quarter: true }
    : never) &
  (K extends WizardMessage ? { label?: WizardMessage } : { label: WizardMessage }) &
  (PerPeriod<K> extends true ? { perPeriod: true } : { perPeriod?: never });

/** The message key (under plan.wizard) of a setting's label. */
export const settingLabel = (key: SettingKey): WizardMessage =>
  SETTING_FIELDS[key].label ?? (key as WizardMessage);

/** Every plan setting's input, in the order the form shows them. */
export const SETTING_FIELDS: { [K in SettingKey]-?: SettingField<K> } = {
  periods: { min: 1, max: 40, step: 1 },
  periodsPerYear: { min: 1, max: 12, step: 1 },
  discountRate: { min: 0, max: 1, step: 0.01 },
  benefitYears: { min: 0, max: 30, step: 1 },
  budget: { min: 0, max: 1e9, step: 10, label: 'budgetPerPeriod', perPeriod: true },
  capacity: { min: 0, max: 1e6, step: 1, perPeriod: true },
  start: { quarter: true },
};

export const SETTING_KEYS = Object.keys(SETTING_FIELDS) as SettingKey[];

/** The settings entered as numbers, in the form order. */
export const NUMBER_SETTING_KEYS = SETTING_KEYS.filter(
  (key): key is NumberKey => !SETTING_FIELDS[key].quarter,
);

/** The value the input shows: the user's, else the default (a per-period list: its first period; none: 0). */
export function shownSetting(
  given: Partial<PlanSettings>,
  defaults: DefaultSettings,
  key: NumberKey,
): number {
  const value = given[key] ?? defaults[key];
  return typeof value === 'number' ? value : (value?.[0] ?? 0);
}

/** The settings with the input of `key` changed; null (the input cleared) goes back to the default. */
export function withSetting(
  given: Partial<PlanSettings>,
  key: SettingKey,
  value: number | PlanStart | null,
): Partial<PlanSettings> {
  const { [key]: _previous, ...others } = given;
  if (value === null) return others;
  return { ...others, [key]: typeof value === 'number' && SETTING_FIELDS[key].perPeriod ? [value] : value };
}
