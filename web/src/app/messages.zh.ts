/** The shell's messages (name, navigation, the transformation loop, coming-soon page, roles, organisation kinds, language, errors), Chinese. Merged with the other features' by web/src/i18n/resources.ts. */
export const appZh = {
  app: { name: '图谱', tagline: '制造业企业数字化转型' },
  nav: {
    home: '总览',
    atlas: '图谱',
    diagnose: '诊断',
    plan: '规划',
    deliver: '实施',
    providers: '服务商',
    evaluate: '评估',
    region: '区域',
    organisation: '组织与成员',
    audit: '审计日志',
  },
  loop: {
    atlas: '一图四清单：场景、数据要素、知识模型、工具软件、人才技能',
    diagnose: '对照参考标准评估诊断，摸清现状',
    plan: '识别场景，测算投入产出，制定转型规划',
    deliver: '组织落地实施，遴选服务商，管控项目',
    providers: '服务商资源池与供需对接：目录、分级、匹配、入池管理',
    evaluate: '开展成效评估：转型绩效与数字化能力',
    region: '区域试点：企业看板、对标与案例',
  },
  empty: {
    /** the tag on a loop step that is not built yet, in the menu and on the home cards */
    coming: '即将推出',
    /** the same in the menu, where a 200 px column has room for a word */
    comingShort: '即将推出',
    title: '{{feature}}尚未开放',
    body: '这一模块正在建设中。已完成的功能会在这里出现；进展见项目议题。',
    back: '返回总览',
  },
  roles: { admin: '管理员', editor: '编辑', viewer: '查看' },
  kinds: {
    enterprise: '企业',
    service_provider: '服务商',
    authority: '主管部门',
    association: '行业协会',
    platform: '平台',
  },
  lang: { switch: 'English', label: '语言' },
  errors: { network: '无法连接服务器', unknown: '出错了' },
};
