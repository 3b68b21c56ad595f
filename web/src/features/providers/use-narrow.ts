import { useEffect, useState } from 'react';

/** True below 900 px wide: charts shorten their labels. */
export function useNarrow(limit = 900): boolean {
  const query = `(max-width: ${limit}px)`;
  const [narrow, setNarrow] = useState(() => window.matchMedia(query).matches);
  useEffect(() => {
    const media = window.matchMedia(query);
    const change = () => setNarrow(media.matches);
    media.addEventListener('change', change);
    return () => media.removeEventListener('change', change);
  }, [query]);
  return narrow;
}
