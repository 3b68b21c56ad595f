import { auditEn } from './audit-messages.en.ts';
import type { organisationZh } from './messages.zh.ts';

/** 组织与成员 (organisation & people) messages, English. */
const organisation: (typeof organisationZh)['organisation'] = {
  title: 'Organisation & people',
  intro:
    'Manage the members of your organisation and their roles; authorities, service providers and associations also set up and manage the organisations under them here (pilot enterprises, say).',
  back: 'Back to Organisation & people',
  notFound: 'This organisation does not exist, or you do not manage it.',
  backup: {
    title: 'Backup',
    intro:
      'Download a backup of the whole platform database (organisations, users, assessments with their evidence files, plans; sign-in sessions excepted). `tupu restore` loads it into an empty database, embedded or PostgreSQL. The file holds all data: keep it safe.',
    download: 'Download backup',
  },
  members: {
    title: 'Members',
    of: 'Members of {{name}}',
    invite: 'Invite member',
    name: 'Name',
    email: 'Email',
    role: 'Role',
    joined: 'Joined',
    pending: 'Initial password not yet changed',
    remove: 'Remove',
    confirmRemove: 'Remove {{name}} from this organisation?',
    confirmRemoveBody: 'They will no longer be able to sign in and act for this organisation.',
    confirmRole: 'Change the role of {{name}} to "{{role}}"?',
    roleChanged: 'Role changed',
    removed: 'Member removed',
    resetPassword: 'Reset password',
    confirmReset: 'Reset the password of {{name}}?',
    confirmResetBody:
      'A new one-time password is made; they are signed out everywhere and must change it at next sign-in.',
    you: ' (you)',
    empty: 'No members yet.',
  },
  invite: {
    title: 'Invite member',
    of: 'Joining: {{name}}',
    email: 'Email',
    emailRequired: 'Enter a valid email address',
    how: 'A one-time invitation link is made for you to hand to the invitee. They become a member only when they open it and accept: with an account, after signing in; new to Tupu, after choosing a name and password.',
    role: 'Role',
    roleHelp:
      'Admin: manages members and organisations; Editor: answers assessments, makes plans; Viewer: reads only.',
    submit: 'Invite',
  },
  invitations: {
    issuedTitle: 'Invitation ready',
    issuedIntro:
      'An invitation for {{email}} is ready. Hand them this link (or the code) securely; they become a member when they accept:',
    link: 'Invitation link',
    code: 'Invitation code',
    expires: 'Valid until',
    once: 'The link and code are shown only once and cannot be shown again after you close this window; if they are lost, invite again (the old link then stops working).',
    copyFailed: 'Could not copy automatically; select it and copy it by hand',
    pendingTitle: 'Pending invitations',
    revoke: 'Withdraw',
    confirmRevoke: 'Withdraw the invitation of {{email}}?',
    revoked: 'Invitation withdrawn',
  },
  accept: {
    title: 'Invitation to join an organisation',
    mineTitle: 'Invitations for you',
    intro: '{{inviter}} invites {{email}} to join {{org}} as "{{role}}".',
    organisation: 'Organisation',
    role: 'Role',
    email: 'Email',
    expires: 'Valid until',
    accept: 'Accept',
    decline: 'Decline',
    confirmDecline: 'Decline joining {{org}}?',
    accepted: 'You have joined {{org}}',
    declined: 'Invitation declined',
    noCode:
      'The link carries no invitation code. Open the whole link your administrator gave you, or paste the code below.',
    codeLabel: 'Invitation code',
    open: 'Open',
    notFound:
      'This invitation code is not valid. Check that the link is complete, or ask the administrator to invite you again.',
    closed: {
      accepted: 'This invitation has already been accepted.',
      declined: 'This invitation was declined.',
      revoked: 'The administrator withdrew this invitation; ask them for a new one.',
      expired: 'This invitation has expired (after 7 days); ask the administrator for a new one.',
    },
    otherAccount:
      'You are signed in as {{current}}, but the invitation is for {{email}}. Sign out and accept with the invited account.',
    signOut: 'Sign out',
    existingTab: 'I have an account',
    existingHint: 'Enter the password of the {{email}} account to accept and sign in.',
    newTab: 'I am new here',
    newHint: 'Choose a name and password for {{email}} to accept and sign in.',
    password: 'Password',
    passwordRequired: 'Enter the password',
    newPassword: 'Choose a password (at least 10 characters)',
    newPasswordRule: 'The password needs at least 10 characters',
    confirmPassword: 'Repeat the password',
    mismatch: 'The two passwords differ',
    name: 'Name',
    nameRequired: 'Enter your name',
    invalidCredentials:
      "This email already has an account and the password is wrong; enter that account's password.",
    home: 'Go to the home page',
  },
  password: {
    title: "New user's one-time password",
    intro: 'An account was created for {{email}}. Hand them this one-time password securely:',
    once: 'This password is shown only once and cannot be shown again after you close this window. They must change it at first sign-in.',
    resetTitle: 'New one-time password',
    resetIntro:
      'The password of {{email}} has been reset and they have been signed out. Hand them this one-time password securely:',
    resetOnce:
      'This password is shown only once and cannot be shown again after you close this window. They must change it at next sign-in.',
    copy: 'Copy',
    copied: 'Copied',
    copyFailed: 'Could not copy automatically; select the password and copy it by hand',
    done: 'I have noted it',
  },
  children: {
    title: 'Organisations under it',
    allTitle: 'All organisations',
    new: 'New organisation',
    name: 'Name',
    kind: 'Kind',
    region: 'Region code',
    members: 'Members',
    created: 'Created',
    actions: 'Actions',
    rename: 'Rename',
    delete: 'Delete',
    confirmDelete: 'Delete {{name}}?',
    confirmDeleteBody:
      'Only an organisation without organisations under it, assessments or plans can be deleted. Its memberships go with it; the user accounts remain.',
    deleted: '{{name}} deleted',
    manage: 'Members',
    empty: 'No organisations under it yet. Create one, a pilot enterprise or a service provider for example.',
  },
  create: {
    title: 'New organisation',
    kind: 'Kind',
    name: 'Name',
    nameRequired: 'Enter a name (at most 200 characters)',
    region: 'Region code (optional)',
    regionHelp: 'GB/T 2260 six-digit code, e.g. 330100 (Hangzhou)',
    regionInvalid: 'Six digits',
    parent: 'Parent organisation',
    submit: 'Create',
    created: '{{name}} created',
  },
  rename: {
    title: 'Rename organisation',
    action: 'Rename',
    name: 'Name',
    submit: 'Save',
    renamed: 'Renamed to {{name}}',
    renamedTo: 'the name, now “{{name}}”',
  },
  audit: auditEn,
  cancel: 'Cancel',
  errors: {
    duplicate_name:
      'An organisation with this name already exists under the same parent; choose another name',
    last_admin:
      'This is the only administrator of the organisation and cannot be removed or demoted; make another member administrator first',
    already_member: 'This user is already a member of the organisation',
    own_password: 'You cannot reset your own password here; change it from your account menu',
    member_elsewhere:
      'This user is also a member of organisations you do not manage; only the platform administrator can reset their password',
    not_empty:
      '{{name}} cannot be deleted: it still has {{what}}. Only an organisation without organisations under it, assessments or plans can be deleted.',
    holdings: {
      childOrganisations: 'organisations under it: {{count}}',
      assessments: 'assessments: {{count}}',
      plans: 'plans: {{count}}',
      separator: ', ',
    },
    forbidden: 'You are not allowed to do this',
  },
};

/** The namespaces of the feature organisation, merged with the others by web/src/i18n/resources.ts. */
export const organisationEn: typeof organisationZh = { organisation };
