import { Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ChainType } from './api.ts';
import { CHAIN_IDS, CHAIN_STYLES } from './atlas-ui.ts';

const DASH = { solid: undefined, dashed: '6 4', dotted: '1.5 3' } as const;

function Line({ chain, width }: { chain: ChainType; width: number }) {
  const style = CHAIN_STYLES[chain];
  return (
    <svg width="36" height="10" aria-hidden="true">
      <line
        x1="2"
        y1="5"
        x2="28"
        y2="5"
        stroke={style.colour}
        strokeWidth={width}
        strokeDasharray={DASH[style.type]}
        strokeLinecap="round"
      />
      <path d="M28 1 L35 5 L28 9 Z" fill={style.colour} />
    </svg>
  );
}

/** Key to the link styles: one line pattern per chain, thick for prerequisites. */
export function ChainLegend({ chainName }: { chainName: (chain: ChainType) => string }) {
  const { t } = useTranslation();
  return (
    <Space wrap size={[16, 4]} style={{ fontSize: 13 }}>
      <Typography.Text type="secondary">{t('atlas.graph.chains')}</Typography.Text>
      {CHAIN_IDS.map((chain) => (
        <Space key={chain} size={4}>
          <Line chain={chain} width={1.5} />
          <span>{chainName(chain)}</span>
        </Space>
      ))}
      <Space size={4}>
        <Line chain="tool" width={3} />
        <span>{t('atlas.graph.prerequisite')}</span>
      </Space>
    </Space>
  );
}
