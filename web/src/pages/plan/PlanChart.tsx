import { useEffect, useRef, useState } from 'react';
import { echarts, type PlanChartOption } from './echarts-plan.ts';

interface Props {
  option: PlanChartOption;
  height: number;
  label: string;
  testId: string;
}

/** One ECharts chart that follows its box's width; `data-ready="true"` once rendered (for browser tests). */
export function PlanChart({ option, height, label, testId }: Props) {
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
