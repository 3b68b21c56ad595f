import { Route, Routes } from 'react-router';
import { NotFoundPage } from '../../components/NotFoundPage.tsx';
import { NewPlanPage } from './NewPlanPage.tsx';
import { PlanListPage } from './PlanListPage.tsx';
import { PlanPage } from './PlanPage.tsx';

/** 规划: plan list (/plan), new-plan wizard (/plan/new) and one plan (/plan/:id). */
export default function PlanRoutes() {
  return (
    <Routes>
      <Route index element={<PlanListPage />} />
      <Route path="new" element={<NewPlanPage />} />
      <Route path=":id" element={<PlanPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
