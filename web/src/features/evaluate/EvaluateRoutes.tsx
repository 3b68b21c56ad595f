import { Route, Routes } from 'react-router';
import { NotFoundPage } from '../../components/NotFoundPage.tsx';
import { EvaluatePage } from './EvaluatePage.tsx';

/** 评估: the KPI table (/evaluate). */
export default function EvaluateRoutes() {
  return (
    <Routes>
      <Route index element={<EvaluatePage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
