import { InputNumber, Select, Space } from 'antd';
import type { PlanStart } from '../../../../src/contracts/planning.ts';

const QUARTERS = [1, 2, 3, 4].map((q) => ({ value: q, label: `Q${q}` }));

/** The plan's start: a year and a quarter (the contract's PlanStart: 2000–2100, Q1–Q4). */
export function StartInput({
  value,
  onChange,
  label,
}: {
  value: PlanStart;
  onChange: (start: PlanStart) => void;
  /** the accessible name of the pair, e.g. 开始季度 */
  label: string;
}) {
  return (
    <Space.Compact data-testid="plan-start">
      <InputNumber
        aria-label={`${label} · year`}
        min={2000}
        max={2100}
        step={1}
        value={value.year}
        onChange={(year) => year !== null && onChange({ ...value, year })}
        style={{ width: 100 }}
      />
      <Select
        aria-label={`${label} · quarter`}
        options={QUARTERS}
        value={value.quarter}
        onChange={(quarter: number) => onChange({ ...value, quarter })}
        style={{ width: 80 }}
      />
    </Space.Compact>
  );
}
