import { Input } from 'antd';
import { useEffect, useState } from 'react';
import type { AtlasParam } from './atlas-ui.ts';
import { useAtlasParams } from './atlas-ui.ts';

/** A search box bound to a URL query parameter, written to the URL a moment after typing stops. */
export function DebouncedSearch({
  param,
  placeholder,
  width,
}: {
  param: AtlasParam;
  placeholder: string;
  width: number | string;
}) {
  const { get, set } = useAtlasParams();
  const committed = get(param) ?? '';
  const [text, setText] = useState(committed);

  // follow the URL when it changes from outside (back button, clear filters)
  useEffect(() => setText(committed), [committed]);

  useEffect(() => {
    if (text.trim() === committed) return;
    const timer = setTimeout(() => set({ [param]: text.trim() || undefined }), 250);
    return () => clearTimeout(timer);
  }, [text, committed, param, set]);

  return (
    <Input.Search
      aria-label={placeholder}
      placeholder={placeholder}
      allowClear
      value={text}
      onChange={(e) => setText(e.target.value)}
      onSearch={(value) => set({ [param]: value.trim() || undefined })}
      style={{ width, maxWidth: '100%' }}
    />
  );
}
