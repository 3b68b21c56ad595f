import { Route, Routes } from 'react-router';
import { AuditLogPage } from './AuditLogPage.tsx';
import { OrganisationPage } from './OrganisationPage.tsx';

/** /organisation/* — loaded on demand. */
export default function OrganisationRoutes() {
  return (
    <Routes>
      <Route index element={<OrganisationPage />} />
      <Route path="audit" element={<AuditLogPage />} />
      <Route path=":orgId" element={<OrganisationPage />} />
    </Routes>
  );
}
