import { ComingSoonPage } from '../ComingSoonPage.tsx';

/** The atlas pages (graph, table, scenario). Replaced by the atlas feature. */
export default function AtlasRoutes() {
  return <ComingSoonPage feature="atlas" />;
}
