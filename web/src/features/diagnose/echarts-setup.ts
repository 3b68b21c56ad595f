import { BarChart, HeatmapChart, RadarChart } from 'echarts/charts';
import {
  AriaComponent,
  GridComponent,
  RadarComponent,
  TooltipComponent,
  VisualMapComponent,
} from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

// Only what the diagnosis charts need: the dimension radar, the scene heat map, the level-score bars.
echarts.use([
  RadarChart,
  HeatmapChart,
  BarChart,
  RadarComponent,
  GridComponent,
  TooltipComponent,
  VisualMapComponent,
  AriaComponent,
  CanvasRenderer,
]);

export { echarts };
