import { EChart } from '../../components/EChart.tsx';
import './echarts-deliver.ts';

/** The delivery pages' charts, registered in echarts-deliver.ts. */
export const DeliverChart = EChart;
