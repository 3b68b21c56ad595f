import { Select } from 'antd';
import type { AtlasParam } from './atlas-ui.ts';
import { useAtlasParams } from './atlas-ui.ts';

/** One filter of the atlas views, bound to a URL query parameter. */
export function AtlasFilterSelect({
  param,
  label,
  options,
  width = 170,
}: {
  param: AtlasParam;
  label: string;
  options: { value: string; label: string }[];
  width?: number;
}) {
  const { get, set } = useAtlasParams();
  return (
    <Select
      aria-label={label}
      placeholder={label}
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      value={get(param)}
      onChange={(value?: string) => set({ [param]: value })}
      options={options}
      style={{ width, maxWidth: '100%' }}
      popupMatchSelectWidth={false}
    />
  );
}
