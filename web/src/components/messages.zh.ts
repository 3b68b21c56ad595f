/** The stale-version dialog (lost updates), Chinese. */
const stale = {
  title: '内容已被他人修改',
  message: '在您打开之后，其他人修改了此内容：{{what}}',
  something: '部分内容',
  separator: '、',
  explainReload: '“重新加载”将放弃您的修改，显示对方保存的内容。',
  explainMerge:
    '“合并”保留对方对您未改动字段的修改，您改动过的字段保留您的；双方都改了的字段，请在下面选择。“重新加载”将放弃您的修改。',
  conflicts: '以下字段双方都做了修改，请选择保留哪一个：',
  mine: '我的：',
  theirs: '对方的：',
  reload: '重新加载（放弃我的修改）',
  merge: '合并并保存',
  cancel: '取消',
};

const notFound = { title: '页面不存在', back: '返回总览' };

/** The namespaces of the shared components, merged with the others by web/src/i18n/resources.ts. */
export const componentsZh = { stale, notFound };
