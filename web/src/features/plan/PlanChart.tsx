import { EChart } from '../../components/EChart.tsx';
import './echarts-plan.ts';

/** The plan pages' charts (Gantt as stacked bars, budget bars, frontier line), registered in echarts-plan.ts. */
export const PlanChart = EChart;
