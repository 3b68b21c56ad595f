import { GraphChart } from 'echarts/charts';
import { AriaComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

// Only what the atlas graph needs, so the chart chunk stays small.
echarts.use([GraphChart, TooltipComponent, AriaComponent, CanvasRenderer]);

export { echarts };
