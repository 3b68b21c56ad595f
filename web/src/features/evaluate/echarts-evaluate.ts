import { LineChart } from 'echarts/charts';
import { AriaComponent, GridComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

// Only what the KPI trend chart needs.
echarts.use([LineChart, GridComponent, TooltipComponent, AriaComponent, CanvasRenderer]);

export type EvaluateChartOption = echarts.EChartsCoreOption;
