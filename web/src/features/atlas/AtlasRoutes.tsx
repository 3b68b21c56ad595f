import { Route, Routes } from 'react-router';
import { usePrefetchAtlas } from './api.ts';
import { useAtlasParams } from './atlas-ui.ts';
import { NotFoundPage } from '../../components/NotFoundPage.tsx';
import { AtlasGraphPage } from './AtlasGraphPage.tsx';
import { AtlasTablePage } from './AtlasTablePage.tsx';
import { ScenarioPage } from './ScenarioPage.tsx';

/** The atlas pages: graph (/atlas), table (/atlas/table) and one scenario (/atlas/scenarios/:code). */
export default function AtlasRoutes() {
  usePrefetchAtlas(useAtlasParams().pack);
  return (
    <Routes>
      <Route index element={<AtlasGraphPage />} />
      <Route path="table" element={<AtlasTablePage />} />
      <Route path="scenarios/:code" element={<ScenarioPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
