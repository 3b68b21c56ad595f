import { Route, Routes } from 'react-router';
import { NotFoundPage } from '../../components/NotFoundPage.tsx';
import { PlanProjectsPage } from './PlanProjectsPage.tsx';
import { ProjectListPage } from './ProjectListPage.tsx';
import { ProjectPage } from './ProjectPage.tsx';

/** 实施: projects (/deliver, list or board), a plan's delivery (/deliver/plans/:planId), one project. */
export default function DeliverRoutes() {
  return (
    <Routes>
      <Route index element={<ProjectListPage />} />
      <Route path="plans/:planId" element={<PlanProjectsPage />} />
      <Route path="projects/:id" element={<ProjectPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
