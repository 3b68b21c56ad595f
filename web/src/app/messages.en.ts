import type { appZh } from './messages.zh.ts';

/** The shell's messages (name, navigation, the transformation loop, coming-soon page, roles, organisation kinds, language, errors), English. Merged with the other features' by web/src/i18n/resources.ts. */
export const appEn: typeof appZh = {
  app: { name: 'Tupu', tagline: 'Digital transformation of manufacturing' },
  nav: {
    home: 'Overview',
    atlas: 'Atlas',
    diagnose: 'Diagnose',
    plan: 'Plan',
    deliver: 'Deliver',
    providers: 'Providers',
    evaluate: 'Evaluate',
    region: 'Region',
    organisation: 'Org & people',
    audit: 'Audit log',
  },
  loop: {
    atlas: 'One map, four lists: scenarios, data, knowledge models, tools and skills',
    diagnose: 'Assess against reference standards to know where you stand',
    plan: 'Pick scenarios, estimate cost and return, write the transformation plan',
    deliver: 'Deliver the projects, choose providers, keep control',
    providers: 'Service-provider pool and matching: directory, grades, matching, pool administration',
    evaluate: 'Measure the results: business performance and digital capability',
    region: 'Regional pilots: dashboards over enterprises, benchmarks and cases',
  },
  empty: {
    /** the tag on a loop step that is not built yet, in the menu and on the home cards */
    coming: 'Coming soon',
    /** the same in the menu, where a 200 px column has room for a word */
    comingShort: 'Soon',
    title: '{{feature}} is not available yet',
    body: 'This module is being built. Finished features appear here; see the project issues for progress.',
    back: 'Back to overview',
  },
  roles: { admin: 'Admin', editor: 'Editor', viewer: 'Viewer' },
  kinds: {
    enterprise: 'Enterprise',
    service_provider: 'Service provider',
    authority: 'Authority',
    association: 'Association',
    platform: 'Platform',
  },
  lang: { switch: '中文', label: 'Language' },
  errors: { network: 'Cannot reach the server', unknown: 'Something went wrong' },
};
