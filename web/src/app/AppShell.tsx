import { LogoutOutlined, TranslationOutlined } from '@ant-design/icons';
import { Button, Grid, Layout, Menu, Space, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import type { Me } from '../../../src/contracts/auth.ts';
import { useSignOut } from '../features/account/api.ts';
import { setLanguage } from '../i18n/index.ts';
import { ChangePasswordButton } from '../features/account/ChangePasswordButton.tsx';
import { ADMIN_NAV_ITEMS, NAV_ITEMS } from './navigation.tsx';
import { OrganisationSwitch } from './OrganisationSwitch.tsx';

const { Header, Sider, Content } = Layout;

export function AppShell({ me, children }: { me: Me; children: ReactNode }) {
  const { t, i18n } = useTranslation();
  const location = useLocation();
  const screens = Grid.useBreakpoint();
  const signOut = useSignOut();
  const narrow = !screens.lg;
  const navItems = [...NAV_ITEMS, ...(me.organisation.role === 'admin' ? ADMIN_NAV_ITEMS : [])];

  // the longest path that the location starts with: /organisation/audit is 审计日志, not 组织与成员
  const selected =
    navItems
      .filter((item) => item.path !== '/' && location.pathname.startsWith(item.path))
      .sort((a, b) => b.path.length - a.path.length)
      .map((i) => i.key)[0] ?? 'home';

  return (
    <Layout hasSider style={{ minHeight: '100vh' }}>
      <div className="tupu-shell-sider-column">
        <Sider
          width={200}
          collapsed={narrow}
          collapsedWidth={64}
          theme="light"
          style={{ position: 'sticky', top: 0, height: '100vh', overflow: 'auto' }}
        >
          <Link to="/" aria-label={t('app.name')}>
            <div
              style={{ height: 56, display: 'flex', alignItems: 'center', justifyContent: 'center', gap: 8 }}
            >
              <span style={{ fontSize: 22, fontWeight: 700, color: '#1f5fbf' }}>图</span>
              {!narrow && (
                <Typography.Text strong>{i18n.language === 'en' ? 'Tupu' : '图谱 Tupu'}</Typography.Text>
              )}
            </div>
          </Link>
          <nav aria-label="main">
            <Menu
              mode="inline"
              selectedKeys={[selected]}
              items={navItems.map((item) => ({
                key: item.key,
                icon: item.icon,
                className: 'comingSoon' in item ? 'tupu-nav-coming' : undefined,
                label:
                  'comingSoon' in item ? (
                    // still a link (to its honest empty page), but looking unavailable and saying so
                    <Link to={item.path}>
                      {t(`nav.${item.key}`)}
                      <Tag variant="filled" className="tupu-coming-tag">
                        {t('empty.comingShort')}
                      </Tag>
                    </Link>
                  ) : (
                    <Link to={item.path}>{t(`nav.${item.key}`)}</Link>
                  ),
              }))}
            />
          </nav>
        </Sider>
      </div>
      <Layout>
        <Header
          className="tupu-shell-header"
          style={{
            background: '#fff',
            borderBottom: '1px solid #eef0f3',
            padding: '0 16px',
            display: 'flex',
            alignItems: 'center',
            justifyContent: 'space-between',
            gap: 12,
          }}
        >
          <OrganisationSwitch me={me} narrow={narrow} />
          <Space size={4}>
            <Button
              type="text"
              icon={<TranslationOutlined />}
              onClick={() => setLanguage(i18n.language === 'en' ? 'zh' : 'en')}
              aria-label={t('lang.label')}
            >
              {t('lang.switch')}
            </Button>
            {!narrow && <Typography.Text type="secondary">{me.user.displayName}</Typography.Text>}
            <ChangePasswordButton compact={narrow} />
            <Button
              type="text"
              icon={<LogoutOutlined />}
              loading={signOut.isPending}
              onClick={() => signOut.mutate()}
            >
              {t('auth.signOut')}
            </Button>
          </Space>
        </Header>
        <Content className="tupu-shell-content" style={{ padding: narrow ? 16 : 24 }}>
          {children}
        </Content>
      </Layout>
    </Layout>
  );
}
