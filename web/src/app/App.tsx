import { App as AntApp, ConfigProvider, Spin } from 'antd';
// the ES modules: antd/locale/* are CommonJS, which brings antd/lib's copies of the picker locales along
import enUS from 'antd/es/locale/en_US';
import zhCN from 'antd/es/locale/zh_CN';
import { lazy, Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Route, Routes, useLocation } from 'react-router';
import { useMe } from '../features/account/api.ts';
import { ComingSoonPage } from './ComingSoonPage.tsx';
import { SignInPage } from '../features/account/SignInPage.tsx';

// The sign-in page is in the entry chunk: it is what a first visit shows. Everything behind sign-in is loaded
// on demand, so the sign-in form waits for none of it; each feature's chunk carries the Ant Design components
// and ECharts parts it uses (web/vite.config.ts).
const loadShell = () => import('./AppShell.tsx');
const loadHome = () => import('../features/home/HomePage.tsx');
const AppShell = lazy(() => loadShell().then((m) => ({ default: m.AppShell })));
const HomePage = lazy(() => loadHome().then((m) => ({ default: m.HomePage })));
// Result (and its illustrations) only for a failure or an unknown path
const Result = lazy(() => import('antd/es/result'));
const NotFoundPage = lazy(() =>
  import('../components/NotFoundPage.tsx').then((m) => ({ default: m.NotFoundPage })),
);
const ChangePasswordPage = lazy(() =>
  import('../features/account/ChangePasswordPage.tsx').then((m) => ({ default: m.ChangePasswordPage })),
);
const AtlasRoutes = lazy(() => import('../features/atlas/AtlasRoutes.tsx'));
const PlanRoutes = lazy(() => import('../features/plan/PlanRoutes.tsx'));
const DeliverRoutes = lazy(() => import('../features/deliver/DeliverRoutes.tsx'));
const DiagnoseRoutes = lazy(() => import('../features/diagnose/DiagnoseRoutes.tsx'));
const EvaluateRoutes = lazy(() => import('../features/evaluate/EvaluateRoutes.tsx'));
const OrganisationRoutes = lazy(() => import('../features/organisation/OrganisationRoutes.tsx'));
const InvitationPage = lazy(() => import('../features/organisation/InvitationPage.tsx'));
const ProviderRoutes = lazy(() => import('../features/providers/ProviderRoutes.tsx'));
const ProjectProvidersPage = lazy(() => import('../features/providers/MatchPage.tsx'));

const theme = { token: { colorPrimary: '#1f5fbf', borderRadius: 6 } };

export function App() {
  const { i18n, t } = useTranslation();
  const me = useMe();
  const signedOut = me.data === null;
  useEffect(() => {
    // once the sign-in form is up, fetch what signing in opens while the user types
    if (signedOut) {
      void loadShell();
      void loadHome();
    }
  }, [signedOut]);
  const { pathname } = useLocation();
  const locale = i18n.language === 'en' ? enUS : zhCN;

  let content;
  if (me.isPending) {
    content = <Spin size="large" fullscreen />;
  } else if (me.isError) {
    content = (
      <Suspense fallback={null}>
        <Result status="error" title={t('errors.network')} subTitle={me.error.message} />
      </Suspense>
    );
  } else if (pathname === '/invitation') {
    // an invitation link opens for anyone, signed in or not
    content = (
      <Suspense fallback={<Spin size="large" fullscreen />}>
        <InvitationPage me={me.data} />
      </Suspense>
    );
  } else if (!me.data) {
    content = <SignInPage />;
  } else if (me.data.user.mustChangePassword) {
    // a one-time password: the server allows nothing else until it is changed
    content = (
      <Suspense fallback={<Spin size="large" fullscreen />}>
        <ChangePasswordPage me={me.data} />
      </Suspense>
    );
  } else {
    // the shell and the home page are fetched together, not the home page only once the shell has arrived
    void loadShell();
    if (pathname === '/') void loadHome();
    content = (
      <Suspense fallback={<Spin size="large" fullscreen />}>
        <AppShell me={me.data}>
          <Suspense fallback={<Spin style={{ display: 'block', margin: 48 }} />}>
            <Routes>
              <Route path="/" element={<HomePage me={me.data} />} />
              <Route path="/atlas/*" element={<AtlasRoutes />} />
              <Route path="/diagnose/*" element={<DiagnoseRoutes />} />
              <Route path="/plan/*" element={<PlanRoutes />} />
              <Route path="/deliver/*" element={<DeliverRoutes />} />
              <Route path="/evaluate/*" element={<EvaluateRoutes />} />
              <Route path="/region/*" element={<ComingSoonPage feature="region" />} />
              <Route path="/organisation/*" element={<OrganisationRoutes />} />
              <Route path="/providers/*" element={<ProviderRoutes />} />
              <Route path="/projects/:id/providers" element={<ProjectProvidersPage />} />
              <Route path="*" element={<NotFoundPage />} />
            </Routes>
          </Suspense>
        </AppShell>
      </Suspense>
    );
  }
  return (
    <ConfigProvider locale={locale} theme={theme} button={{ autoInsertSpace: false }}>
      <AntApp>{content}</AntApp>
    </ConfigProvider>
  );
}
