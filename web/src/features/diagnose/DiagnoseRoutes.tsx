import { Route, Routes } from 'react-router';
import { NotFoundPage } from '../../components/NotFoundPage.tsx';
import { AssessmentFormPage } from './AssessmentFormPage.tsx';
import { AssessmentListPage } from './AssessmentListPage.tsx';
import { ResultPage } from './ResultPage.tsx';

/** The diagnosis pages: assessments (/diagnose), answer form (/diagnose/:id), result (/diagnose/:id/result). */
export default function DiagnoseRoutes() {
  return (
    <Routes>
      <Route index element={<AssessmentListPage />} />
      <Route path=":id" element={<AssessmentFormPage />} />
      <Route path=":id/result" element={<ResultPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
