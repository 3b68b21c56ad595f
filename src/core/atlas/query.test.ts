import { describe, expect, it } from 'vitest';
import {
  byCategory,
  byElement,
  byEnterpriseType,
  byKpi,
  byPainPoint,
  byValueTag,
  filterScenarios,
  findScenario,
  search,
} from './query.ts';
import { testAtlas, testLink, testScenario } from './test-support.ts';

const t = (zh: string, en: string) => ({ zh, en });
const atlas = testAtlas(
  [
    testScenario('GEN-PM-01', {
      name: t('设备在线监测', 'Online equipment monitoring'),
      valueTags: ['quality', 'cost'],
      enterpriseTypes: ['large', 'sme'],
    }),
    testScenario('GEN-PM-02', {
      name: t('质量智能检测', 'Intelligent quality inspection'),
      description: t('机器视觉检测缺陷', 'Machine vision finds defects'),
      elements: {
        data: [t('质检图像', 'inspection images')],
        models: [t('缺陷模型', 'defect model')],
        tools: [t('视觉软件', 'vision software')],
        skills: [t('算法', 'algorithms')],
      },
      kpis: ['kpi-1'],
      painPoints: ['pp-1'],
    }),
    testScenario('GEN-OM-01', {
      name: t('预测性维护', 'Predictive maintenance'),
      valueTags: ['cost'],
      elements: {
        data: [t('振动数据', 'vibration data')],
        models: [t('剩余寿命模型', 'RUL model')],
        tools: [t('设备运行数据平台', 'platform')],
        skills: [t('运维', 'maintenance')],
      },
      kpis: [],
      painPoints: [],
    }),
  ],
  [testLink('GEN-PM-01', 'GEN-OM-01', 'model')],
);
const codes = (xs: { code: string }[]) => xs.map((x) => x.code);

describe('atlas queries', () => {
  it('by category id or code', () => {
    expect(codes(byCategory(atlas, 'production'))).toEqual(['GEN-PM-01', 'GEN-PM-02']);
    expect(codes(byCategory(atlas, 'OM'))).toEqual(['GEN-OM-01']);
    expect(byCategory(atlas, 'nope')).toEqual([]);
  });
  it('by value tag, enterprise type, KPI and pain point', () => {
    expect(codes(byValueTag(atlas, 'cost'))).toEqual(['GEN-PM-01', 'GEN-OM-01']);
    expect(codes(byEnterpriseType(atlas, 'sme'))).toEqual(['GEN-PM-01']);
    expect(codes(byKpi(atlas, 'kpi-1'))).toEqual(['GEN-PM-01', 'GEN-PM-02']);
    expect(codes(byPainPoint(atlas, 'pp-1'))).toEqual(['GEN-PM-01', 'GEN-PM-02']);
  });
  it('by element: substring over zh and en of the four lists, or of one list', () => {
    expect(codes(byElement(atlas, '设备运行数据'))).toEqual(['GEN-PM-01', 'GEN-OM-01']);
    expect(codes(byElement(atlas, '设备运行数据', 'data'))).toEqual(['GEN-PM-01']);
    expect(codes(byElement(atlas, 'Vision SOFTWARE'))).toEqual(['GEN-PM-02']);
    expect(codes(byElement(atlas, '工业互联网平台'))).toEqual([]); // infrastructure is not one of the four lists
  });
  it('free-text search ranks code over name over description and needs every word', () => {
    expect(codes(search(atlas, 'om-01'))).toEqual(['GEN-OM-01']);
    expect(codes(search(atlas, '检测'))).toEqual(['GEN-PM-02']);
    expect(codes(search(atlas, 'defects machine'))).toEqual(['GEN-PM-02']);
    expect(codes(search(atlas, 'defects maintenance'))).toEqual([]);
    expect(codes(search(atlas, '  '))).toEqual(['GEN-PM-01', 'GEN-PM-02', 'GEN-OM-01']);
  });
  it('filters combine with AND, including by chain', () => {
    expect(codes(filterScenarios(atlas, { category: 'PM', valueTag: 'cost' }))).toEqual(['GEN-PM-01']);
    expect(codes(filterScenarios(atlas, { chain: 'model' }))).toEqual(['GEN-PM-01', 'GEN-OM-01']);
    expect(codes(filterScenarios(atlas, { chain: 'tool' }))).toEqual([]);
    expect(codes(filterScenarios(atlas, { q: 'GEN', element: '数据', elementList: 'data' }))).toEqual([
      'GEN-PM-01',
      'GEN-OM-01',
    ]);
    expect(filterScenarios(atlas, { category: 'unknown' })).toEqual([]);
    expect(codes(filterScenarios(atlas, {}))).toEqual(['GEN-PM-01', 'GEN-PM-02', 'GEN-OM-01']);
  });
  it('finds a scenario by code', () => {
    expect(findScenario(atlas, 'GEN-PM-02')?.name.en).toBe('Intelligent quality inspection');
    expect(findScenario(atlas, 'GEN-PM-09')).toBeUndefined();
  });
});
