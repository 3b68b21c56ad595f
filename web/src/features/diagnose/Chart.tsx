import { EChart } from '../../components/EChart.tsx';
import './echarts-setup.ts';

/** The diagnosis pages' charts (radar, heat map, bars), registered in echarts-setup.ts. */
export const Chart = EChart;
