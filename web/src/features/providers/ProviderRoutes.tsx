import { Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Route, Routes, useLocation, useNavigate } from 'react-router';
import { NotFoundPage } from '../../components/NotFoundPage.tsx';
import { useMe } from '../account/api.ts';
import { DirectoryPage } from './DirectoryPage.tsx';
import { MatchPage } from './MatchPage.tsx';
import { PoolPage } from './PoolPage.tsx';
import { PoolsPage } from './PoolsPage.tsx';
import { ProfileEditPage } from './ProfileEditPage.tsx';
import { ProfilePage } from './ProfilePage.tsx';
import { SupplyDemandPage } from './SupplyDemandPage.tsx';

/**
 * 服务商: the directory (/providers), a profile (/providers/:id), the own profile's edit form (/providers/own), pools
 * (/providers/pools, /providers/pools/:id), an authority's supply against demand (/providers/supply) and matching
 * for a plan initiative (/providers/match/plan/:planId).
 */
export default function ProviderRoutes() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const kind = useMe().data?.organisation.orgKind;
  const active = pathname.startsWith('/providers/pools')
    ? 'pools'
    : pathname.startsWith('/providers/supply')
      ? 'supply'
      : pathname.startsWith('/providers/own')
        ? 'own'
        : pathname.startsWith('/providers/match')
          ? 'match'
          : 'directory';
  const tabs = [
    { key: 'directory', label: t('providers.tabs.directory'), path: '/providers' },
    { key: 'pools', label: t('providers.tabs.pools'), path: '/providers/pools' },
    ...(kind === 'authority'
      ? [{ key: 'supply', label: t('providers.tabs.supply'), path: '/providers/supply' }]
      : []),
    ...(kind === 'service_provider'
      ? [{ key: 'own', label: t('providers.tabs.own'), path: '/providers/own' }]
      : []),
    ...(active === 'match' ? [{ key: 'match', label: t('providers.match.title'), path: pathname }] : []),
  ];
  return (
    <div>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('providers.title')}
      </Typography.Title>
      <Tabs
        activeKey={active}
        items={tabs.map((tab) => ({ key: tab.key, label: tab.label }))}
        onChange={(key) => {
          const tab = tabs.find((x) => x.key === key);
          if (tab) void navigate(tab.path);
        }}
      />
      <Routes>
        <Route index element={<DirectoryPage />} />
        <Route path="own" element={<ProfileEditPage />} />
        <Route path="pools" element={<PoolsPage />} />
        <Route path="pools/:id" element={<PoolPage />} />
        <Route path="supply" element={<SupplyDemandPage />} />
        <Route path="match/plan/:planId" element={<MatchPage />} />
        <Route path=":id" element={<ProfilePage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </div>
  );
}
