import { useEffect, useRef, useState } from 'react';
import type { AtlasGraphOption } from './graph-option.ts';
import { echarts } from './echarts-setup.ts';

interface Props {
  /** builds the option for the chart's current width */
  option: (size: { width: number; height: number }) => AtlasGraphOption;
  nodeCount: number;
  edgeCount: number;
  label: string;
  height: number;
  onNodeClick: (code: string) => void;
}

/**
 * Where each node is drawn, in CSS pixels of the chart box: [code, x, y][]; undefined while the chart has no
 * option yet (ECharts also finishes a first, empty frame) or is being disposed (leaving the page).
 */
function nodePixels(instance: echarts.ECharts): [string, number, number][] | undefined {
  if (instance.isDisposed()) return undefined;
  const option = instance.getOption() as
    { series?: { data?: { id: string; x: number; y: number }[] }[] } | undefined;
  if (!option) return undefined;
  return (option.series?.[0]?.data ?? []).map((node) => {
    const pixel = instance.convertToPixel({ seriesIndex: 0 }, [node.x, node.y]);
    const [x, y] = Array.isArray(pixel) ? pixel : [Number.NaN, Number.NaN];
    return [node.id, Math.round(x ?? Number.NaN), Math.round(y ?? Number.NaN)];
  });
}

/**
 * The ECharts graph. Exposes `data-node-count`, `data-edge-count` and, once ECharts has finished rendering,
 * `data-ready="true"` and `data-node-positions` (JSON [code, x, y][]) — used by the browser test and the benchmark.
 */
export function AtlasGraphChart({ option, nodeCount, edgeCount, label, height, onNodeClick }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const click = useRef(onNodeClick);
  const [width, setWidth] = useState(0);
  const [ready, setReady] = useState(false);

  useEffect(() => {
    click.current = onNodeClick;
  }, [onNodeClick]);

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const instance = echarts.init(el, undefined, { renderer: 'canvas' });
    chart.current = instance;
    instance.on('click', { dataType: 'node' }, (params) => {
      const data = params.data as { id?: string } | undefined;
      if (data?.id) click.current(data.id);
    });
    instance.on('finished', () => {
      const pixels = nodePixels(instance);
      if (!pixels) return;
      el.dataset.nodePositions = JSON.stringify(pixels);
      setReady(true);
    });
    const observer = new ResizeObserver(() => {
      setWidth(el.clientWidth);
      instance.resize();
    });
    observer.observe(el);
    setWidth(el.clientWidth);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    if (!chart.current || width === 0) return;
    chart.current.setOption(option({ width, height }), { notMerge: true });
  }, [option, width, height]);

  return (
    <div
      ref={box}
      role="img"
      aria-label={label}
      data-testid="atlas-graph"
      data-node-count={nodeCount}
      data-edge-count={edgeCount}
      data-ready={ready ? 'true' : 'false'}
      style={{ width: '100%', height, cursor: 'pointer' }}
    />
  );
}
