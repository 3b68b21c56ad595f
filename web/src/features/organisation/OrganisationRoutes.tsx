import { Route, Routes } from 'react-router';
import { OrganisationPage } from './OrganisationPage.tsx';

/** /organisation/* — loaded on demand. */
export default function OrganisationRoutes() {
  return (
    <Routes>
      <Route index element={<OrganisationPage />} />
      <Route path=":orgId" element={<OrganisationPage />} />
    </Routes>
  );
}
