import { Space } from 'antd';
import type { AtlasGraph } from './api.ts';
import { categoryColour, useLocalized } from './atlas-ui.ts';

/** Key to the node colours: one colour per scenario category. */
export function CategoryLegend({ categories }: { categories: AtlasGraph['categories'] }) {
  const { tx } = useLocalized();
  return (
    <Space wrap size={[16, 4]} style={{ fontSize: 13 }}>
      {categories.map((c, i) => (
        <Space key={c.id} size={6}>
          <span
            aria-hidden="true"
            style={{
              display: 'inline-block',
              width: 12,
              height: 12,
              borderRadius: 6,
              background: categoryColour(i),
            }}
          />
          <span>{tx(c.name)}</span>
        </Space>
      ))}
    </Space>
  );
}
