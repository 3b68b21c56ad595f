import type { componentsZh } from './messages.zh.ts';

/** The stale-version dialog (lost updates), English. */
const stale: (typeof componentsZh)['stale'] = {
  title: 'Changed by someone else',
  message: 'Someone else changed this since you opened it: {{what}}',
  something: 'part of it',
  separator: ', ',
  explainReload: 'Reload discards your changes and shows what they saved.',
  explainMerge:
    'Merge keeps their changes to the fields you did not touch and yours for the fields you did; where you both changed a field, pick one below. Reload discards your changes.',
  conflicts: 'You both changed these fields; pick the one to keep:',
  mine: 'Mine: ',
  theirs: 'Theirs: ',
  reload: 'Reload (discard mine)',
  merge: 'Merge and save',
  cancel: 'Cancel',
};

const notFound: (typeof componentsZh)['notFound'] = { title: 'Page not found', back: 'Back to overview' };

/** The namespaces of the shared components, merged with the others by web/src/i18n/resources.ts. */
export const componentsEn: typeof componentsZh = { stale, notFound };
