import * as echarts from 'echarts/core';
import { useEffect, useRef, useState } from 'react';

/**
 * One ECharts chart that follows its box's width; `data-ready="true"` once drawn (for browser tests).
 * The caller's page registers the chart types it uses with `echarts.use([...])` (see each page's echarts setup),
 * so every route bundles only what it draws.
 */
export function EChart({
  option,
  height,
  label,
  testId,
}: {
  option: echarts.EChartsCoreOption;
  height: number;
  label: string;
  testId: string;
}) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const [ready, setReady] = useState(false);

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const instance = echarts.init(el, undefined, { renderer: 'canvas' });
    chart.current = instance;
    instance.on('finished', () => setReady(true));
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(el);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  return (
    <div
      ref={box}
      role="img"
      aria-label={label}
      data-testid={testId}
      data-ready={ready ? 'true' : 'false'}
      style={{ width: '100%', height }}
    />
  );
}
