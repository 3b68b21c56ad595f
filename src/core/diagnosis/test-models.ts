import {
  DimensionDef,
  IndicatorSystemMeta,
  PointsLevel,
  SceneDef,
  type PointsIndicatorSystem,
} from './model-schema.ts';

/** Tiny hand-written models for the unit tests (small enough to brute-force). */
const t = (zh: string) => ({ zh, en: zh });

export function metaOf(id: string, family: 'points' | 'staged' | 'checklist') {
  return IndicatorSystemMeta.parse({
    kind: 'model',
    id,
    version: '1.0.0',
    title: t(id),
    language: 'zh-CN',
    publisher: 'test',
    source: { source: 'test', section: 'test' },
    family,
    atlas: 'guide-2024',
  });
}

/** Q1 single (0/1/3), Q2 multi (无, 2, 1, 1; cap 3), Q3 ratio (≤10:0, ≤50:1, ≤100:2); 4 scenes 0–2, 2 constrained. */
export function tinyPointsIndicatorSystem(): PointsIndicatorSystem {
  const dims = [
    DimensionDef.parse({
      id: 'D1',
      name: t('维度一'),
      points: 6,
      indicators: [
        {
          id: 'I1',
          name: t('指标一'),
          points: 3,
          questions: [
            {
              id: 'Q1',
              name: t('单选'),
              prompt: '单选题',
              type: 'single',
              scenarios: ['GEN-PM-01'],
              options: [
                { id: 'A', text: '无', points: 0 },
                { id: 'B', text: '一般', points: 1 },
                { id: 'C', text: '好', points: 3 },
              ],
            },
          ],
        },
        {
          id: 'I2',
          name: t('指标二'),
          points: 3,
          questions: [
            {
              id: 'Q2',
              name: t('多选'),
              prompt: '多选题',
              type: 'multi',
              max: 3,
              scenarios: [],
              options: [
                { id: 'A', text: '无', points: 0, exclusive: true },
                { id: 'B', text: 'b', points: 2 },
                { id: 'C', text: 'c', points: 1 },
                { id: 'D', text: 'd', points: 1 },
              ],
            },
          ],
        },
      ],
    }),
    DimensionDef.parse({
      id: 'D2',
      name: t('维度二'),
      points: 2,
      indicators: [
        {
          id: 'I3',
          name: t('指标三'),
          points: 2,
          questions: [
            {
              id: 'Q3',
              name: t('比率'),
              prompt: '比率题',
              type: 'ratio',
              scenarios: ['GEN-SC-01'],
              fields: { numerator: '联网数', denominator: '总数' },
              bands: [
                { upTo: 10, points: 0 },
                { upTo: 50, points: 1 },
                { upTo: 100, points: 2 },
              ],
            },
          ],
        },
      ],
    }),
  ];
  const scenes = ['S1', 'S2', 'S3', 'S4'].map((id, i) =>
    SceneDef.parse({
      id,
      name: t(id),
      group: 'G',
      constrained: i % 2 === 0,
      scenarios: [],
      levels: ['一', '二'],
    }),
  );
  return {
    family: 'points',
    meta: metaOf('tiny-points', 'points'),
    dimensions: dims,
    sceneGroups: [{ id: 'G', name: t('组') }],
    scenes,
    sceneMax: 2,
    levels: [
      PointsLevel.parse({
        id: 'L1',
        name: t('一级'),
        minScore: 2,
        sceneLevel: 1,
        minScenes: 2,
        minConstrainedScenes: 1,
      }),
      PointsLevel.parse({
        id: 'L2',
        name: t('二级'),
        minScore: 5,
        sceneLevel: 2,
        minScenes: 3,
        minConstrainedScenes: 2,
      }),
    ],
  };
}
