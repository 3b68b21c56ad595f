import {
  ApartmentOutlined,
  ShopOutlined,
  AuditOutlined,
  BarChartOutlined,
  DeploymentUnitOutlined,
  FileSearchOutlined,
  HomeOutlined,
  RocketOutlined,
  ScheduleOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';

/** The loop as navigation: 图谱 · 诊断 · 规划 · 实施 · 评估 · 区域. */
export interface NavItem {
  key: 'home' | 'atlas' | 'diagnose' | 'plan' | 'deliver' | 'providers' | 'evaluate' | 'region';
  path: string;
  icon: ReactNode;
  /** not built yet: the menu and the home cards say 即将推出, and the page is ComingSoonPage */
  comingSoon?: true;
}

export const NAV_ITEMS: NavItem[] = [
  { key: 'home', path: '/', icon: <HomeOutlined /> },
  { key: 'atlas', path: '/atlas', icon: <DeploymentUnitOutlined /> },
  { key: 'diagnose', path: '/diagnose', icon: <AuditOutlined /> },
  { key: 'plan', path: '/plan', icon: <ScheduleOutlined /> },
  { key: 'deliver', path: '/deliver', icon: <RocketOutlined /> },
  { key: 'providers', path: '/providers', icon: <ShopOutlined /> },
  { key: 'evaluate', path: '/evaluate', icon: <BarChartOutlined /> },
  { key: 'region', path: '/region', icon: <ApartmentOutlined />, comingSoon: true },
];

/** Pages outside the loop, shown only to administrators of the session's organisation. */
export interface AdminNavItem {
  key: 'organisation' | 'audit';
  path: string;
  icon: ReactNode;
}

export const ADMIN_NAV_ITEMS: AdminNavItem[] = [
  { key: 'organisation', path: '/organisation', icon: <TeamOutlined /> },
  { key: 'audit', path: '/organisation/audit', icon: <FileSearchOutlined /> },
];
