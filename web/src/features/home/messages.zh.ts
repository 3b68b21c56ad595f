/** 企业总览 (the home page's portfolio of enterprises) messages, Chinese. */
const portfolio = {
  title: '企业总览',
  intro: {
    service_provider:
      '贵机构服务的企业（在“组织与成员”中建立在本机构之下的企业，以及邀请您加入的企业）及其最近一次诊断和规划。',
    authority: '本地区的试点企业（含服务商名下的企业）及其最近一次诊断和规划。',
    association: '本协会的会员企业及其最近一次诊断和规划。',
    platform: '平台上的全部企业及其最近一次诊断和规划。',
  },
  memberEmpty:
    '还没有企业邀请您加入。企业（或本机构）的管理员在“组织与成员”中添加您之后，该企业会出现在这里。',
  loadFailed: '企业总览加载失败：{{message}}',
  stats: {
    enterprises: '企业',
    diagnosed: '已提交诊断',
    planned: '已有规划',
    ofTotal: '/ {{total}}',
    levels: '等级分布（各企业最近一次提交的诊断）',
    noLevel: '未达一级',
    enterprisesCount: '{{count}} 家',
  },
  search: '按企业名称搜索',
  export: '导出 Excel',
  truncated: '按名称排序仅显示前 {{shown}} 家（共 {{matching}} 家符合），请按名称搜索以缩小范围。',
  noMatch: '没有名称包含“{{q}}”的企业',
  columns: {
    name: '企业',
    diagnosis: '最近一次诊断',
    assessments: '诊断次数',
    plan: '最近一次规划',
    plans: '规划数',
    actions: '操作',
    updated: '诊断日期',
  },
  draft: '草稿',
  noAssessment: '尚未诊断',
  noPlan: '尚无规划',
  notSolved: '未求解',
  npv: '净现值 {{value}} 万元',
  open: '打开',
  openHint: '将切换到该企业后打开',
  notMember: '您不是该企业的成员，只能看到摘要',
  start: {
    action: '新建诊断',
    ariaLabel: '为 {{name}} 新建诊断',
    createdForMembers: '已为“{{name}}”建立诊断草稿；该企业的成员切换到企业后即可作答。',
    refused: {
      client_viewer: '您是该企业的查看者，新建诊断需要该企业的编辑或管理员角色。',
      client_not_managed: '本机构并不直接管理该企业，您也不是它的成员；请该企业的管理员邀请您为编辑。',
      client_not_member:
        '您不是该企业的成员；只有本机构的管理员可为本机构管理的企业新建诊断。请该企业邀请您为编辑。',
      not_found: '该企业不在您的企业总览中，或所选指标体系未加载。',
    },
  },
  import: {
    action: '批量导入企业',
    title: '从 Excel 批量建立企业',
    intro:
      '下载模板，在“企业”工作表中每行填写一家企业（企业名称必填，行政区划代码选填），再上传。企业建立在本机构之下；任一行有问题时不建立任何企业，并列出问题所在的单元格。',
    template: '下载模板',
    upload: '上传并建立',
    close: '关闭',
    created: '已建立 {{count}} 家企业',
    refused: '表格有 {{count}} 处问题，未建立任何企业',
    failed: '导入失败：{{message}}',
    cell: '单元格',
    problem: '问题',
    problems: {
      unreadable: '无法读取该文件，请上传由模板填写的 .xlsx 文件',
      no_sheet: '文件中没有“企业”或“Enterprises”工作表',
      header: '表头应为“{{column}}”，而不是“{{value}}”',
      empty: '表中没有企业',
      too_many_rows: '一次最多建立 500 家企业',
      name_required: '企业名称为必填',
      name_invalid: '企业名称“{{value}}”无效（最多 200 个字符，不能含控制字符）',
      region_invalid: '行政区划代码“{{value}}”应为 6 位数字，如 330100',
      duplicate_in_file: '“{{value}}”与第 {{otherRow}} 行重复',
      name_taken: '本机构下已有名为“{{value}}”的组织',
    },
  },
  empty: {
    title: '还没有企业',
    service_provider:
      '先在“组织与成员”中建立您服务的企业并邀请其负责人；再加入该企业、切换过去，开始第一次诊断。',
    authority:
      '先在“组织与成员”中建立本地区的试点企业并邀请其负责人；企业提交诊断、制定规划后，会在这里汇总。',
    association: '先在“组织与成员”中建立会员企业并邀请其负责人；企业提交诊断、制定规划后，会在这里汇总。',
    platform: '先在“组织与成员”中建立企业（或主管部门、服务商）并邀请其负责人。',
    organisations: '去建立企业',
    diagnose: '了解诊断',
  },
};

/** The home page's greeting, transformation loop and standing cards. */
const home = {
  greeting: '您好，{{name}}',
  org: '当前组织',
  role: '角色',
  loopTitle: '数字化转型闭环',
  loopIntro:
    '《制造业企业数字化转型实施指南》要求企业遵循“规划-实施-评估-优化”持续改进。图谱把每一步做成可用的工具。',
  open: '进入',
  standing: '我们在哪里：最近一次诊断',
  whatFirst: '先做什么：当前规划',
  noAssessment: '还没有提交的诊断。',
  noPlan: '还没有规划。',
  noLevel: '未达一级',
  npvUnit: '万元',
  npvLabel: '路线图净现值',
};

/** The namespaces of the feature home, merged with the others by web/src/i18n/resources.ts. */
export const homeZh = { portfolio, home };
