import type { homeZh } from './messages.zh.ts';

/** Enterprise portfolio (home page) messages, English. */
const portfolio: (typeof homeZh)['portfolio'] = {
  title: 'Enterprise portfolio',
  intro: {
    service_provider:
      'The enterprises you serve (those created under your organisation in Org & people, and those that invited you), with their latest diagnosis and plan.',
    authority:
      "Your region's pilot enterprises (including your service providers' clients), with their latest diagnosis and plan.",
    association: "Your association's member enterprises, with their latest diagnosis and plan.",
    platform: 'Every enterprise on the platform, with its latest diagnosis and plan.',
  },
  memberEmpty:
    'No enterprise has invited you yet. Once an administrator of an enterprise (or of your organisation) adds you in Org & people, it appears here.',
  loadFailed: 'The portfolio could not be loaded: {{message}}',
  stats: {
    enterprises: 'Enterprises',
    diagnosed: 'Diagnosis submitted',
    planned: 'With a plan',
    ofTotal: '/ {{total}}',
    levels: "Levels (each enterprise's latest submitted diagnosis)",
    noLevel: 'below level 1',
    enterprisesCount: '{{count}}',
  },
  search: 'Search by enterprise name',
  export: 'Export to Excel',
  truncated:
    'Showing the first {{shown}} by name of {{matching}} matching enterprises; search by name to narrow the list.',
  noMatch: 'No enterprise name contains “{{q}}”',
  columns: {
    name: 'Enterprise',
    diagnosis: 'Latest diagnosis',
    assessments: 'Diagnoses',
    plan: 'Latest plan',
    plans: 'Plans',
    provider: 'Provider',
    actions: 'Actions',
    updated: 'Diagnosed on',
  },
  draft: 'draft',
  noAssessment: 'Not diagnosed yet',
  noPlan: 'No plan yet',
  notSolved: 'not solved',
  npv: 'NPV {{value}} (10k CNY)',
  open: 'Open',
  openHint: 'Switches to this enterprise, then opens it',
  notMember: 'You are not a member of this enterprise: summary only',
  start: {
    action: 'New diagnosis',
    ariaLabel: 'New diagnosis for {{name}}',
    createdForMembers:
      'A draft diagnosis was created for “{{name}}”; its members answer it after switching to the enterprise.',
    refused: {
      client_viewer:
        'You are a viewer of this enterprise; starting a diagnosis needs an editor or administrator role in it.',
      client_not_managed:
        'Your organisation does not manage this enterprise directly and you are not its member; ask its administrator to invite you as an editor.',
      client_not_member:
        "You are not a member of this enterprise; only your organisation's administrators start diagnoses in the enterprises it manages. Ask the enterprise to invite you as an editor.",
      not_found: 'This enterprise is not in your portfolio, or the indicator system is not loaded.',
    },
  },
  import: {
    action: 'Import enterprises',
    title: 'Create enterprises from Excel',
    intro:
      'Download the template, fill in one enterprise per row of the “Enterprises” sheet (name required, region code optional) and upload it. The enterprises are created under your organisation; if any row has a problem, none is created and every problem is listed with its cell.',
    template: 'Download template',
    upload: 'Upload and create',
    close: 'Close',
    created: '{{count}} enterprises created',
    refused: 'The sheet has {{count}} problems; no enterprise was created',
    failed: 'Import failed: {{message}}',
    cell: 'Cell',
    problem: 'Problem',
    problems: {
      unreadable: 'The file cannot be read; upload the .xlsx template, filled in',
      no_sheet: 'The file has no “企业” or “Enterprises” sheet',
      header: 'The header must be “{{column}}”, not “{{value}}”',
      empty: 'The sheet has no enterprises',
      too_many_rows: 'At most 500 enterprises at once',
      name_required: 'An enterprise name is required',
      name_invalid: 'The name “{{value}}” is not valid (at most 200 characters, no control characters)',
      region_invalid: 'The region code “{{value}}” must be 6 digits, e.g. 330100',
      duplicate_in_file: '“{{value}}” is also on row {{otherRow}}',
      name_taken: 'Your organisation already has an organisation named “{{value}}”',
    },
  },
  result: {
    view: 'View result',
    title: '{{name}} · latest submitted diagnosis',
    readOnly: 'Read-only: the latest diagnosis result this enterprise submitted.',
    notShared:
      'This enterprise has not shared its diagnosis results with your organisation; only the summary is shown.',
    failed: 'The diagnosis result did not load: {{message}}',
    model: 'Indicator system',
    assessment: 'Diagnosis',
    submitted: 'Submitted on',
    score: 'Score',
    level: 'Level',
    provider: 'Provider',
    noProvider: 'None (directly under you)',
    dimensions: 'Dimension scores',
    dimension: 'Dimension',
    rate: 'Rate',
    gaps: 'Gaps ({{count}})',
    item: 'Question / scene',
    current: 'Current',
    best: 'Best',
    lost: 'Lost',
  },
  providerOf: 'Provider: {{name}}',
  latestSubmitted: 'Dimension scores of the latest submitted ({{date}}):',
  shared: 'Results shared',
  notShared: 'Results not shared',
  empty: {
    title: 'No enterprises yet',
    service_provider:
      'First create the enterprises you serve in Org & people and invite their lead; then join one, switch to it and start its first diagnosis.',
    authority:
      "First create your region's pilot enterprises in Org & people and invite their lead; their diagnoses and plans are summed up here.",
    association:
      'First create your member enterprises in Org & people and invite their lead; their diagnoses and plans are summed up here.',
    platform:
      'First create enterprises (or authorities and providers) in Org & people and invite their lead.',
    organisations: 'Create enterprises',
    diagnose: 'About diagnosis',
  },
};

/** The home page's greeting, transformation loop and standing cards. */
const home: (typeof homeZh)['home'] = {
  greeting: 'Hello, {{name}}',
  org: 'Organisation',
  role: 'Role',
  loopTitle: 'The transformation loop',
  loopIntro:
    'The MIIT implementation guide asks every manufacturer to plan, implement, evaluate and optimise in a continuous loop. Tupu turns each step into a working tool.',
  open: 'Open',
  standing: 'Where we stand: latest diagnosis',
  whatFirst: 'What first: current plan',
  noAssessment: 'No submitted diagnosis yet.',
  noPlan: 'No plan yet.',
  noLevel: 'below level 1',
  npvUnit: '10k CNY',
  npvLabel: 'Roadmap NPV',
  sharing: {
    title: 'Share diagnosis results with the authority',
    switch: 'Share diagnosis results with {{authority}}',
    on: 'Shared with “{{authority}}”: its administrators can view your latest submitted diagnosis result (dimension scores, gaps) read-only in their portfolio.',
    off: 'Not shared with “{{authority}}”: the authority sees only a summary of the score and level.',
    what: 'Sharing is your enterprise’s choice and can be withdrawn at any time; every change is recorded with who made it and when.',
    since: 'Turned on by {{name}} on {{date}}.',
    adminsOnly: 'Only your enterprise’s administrators can change it.',
    history: 'Sharing history ({{count}})',
    shared: 'shared by {{name}} on {{date}}',
    revoked: 'withdrawn by {{name}} on {{date}}',
    someone: 'a deleted user',
  },
};

/** The namespaces of the feature home, merged with the others by web/src/i18n/resources.ts. */
export const homeEn: typeof homeZh = { portfolio, home };
