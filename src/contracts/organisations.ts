import { z } from 'zod';
import { ORGANISATION_KINDS, ROLES } from './auth.ts';
import { displayName } from './text.ts';
import { RecordVersion, VersionField } from './versioning.ts';

/**
 * 组织与成员: organisations an administrator manages (their own and its child organisations; the platform manages
 * all) and their members. Shared by the server (validation, OpenAPI) and the web app (types only).
 */

/** Kinds an administrator can create; the platform organisation is made once, at first start. */
export const CREATABLE_KINDS = ['enterprise', 'service_provider', 'authority', 'association'] as const;
export type CreatableKind = (typeof CREATABLE_KINDS)[number];

export const ORGANISATION_NAME_MAX = 200;

/** 行政区划代码 (GB/T 2260): six digits, e.g. 330100. */
export const RegionCode = z.string().regex(/^\d{6}$/, 'regionCode must be 6 digits (GB/T 2260), e.g. 330100');

export const OrganisationView = z.object({
  id: z.string(),
  kind: z.enum(ORGANISATION_KINDS),
  name: z.string(),
  parentId: z.string().nullable(),
  regionCode: z.string().nullable(),
  memberCount: z.number().int(),
  createdAt: z.string(),
  /** send it with a rename (409 stale_version when someone renamed it since) */
  version: RecordVersion,
});
export type OrganisationView = z.infer<typeof OrganisationView>;

export const OrganisationList = z.object({
  /** the session's organisation first, then the organisations it manages, by name */
  organisations: z.array(OrganisationView),
  /** kinds the session may create under its own organisation (empty: it manages no others) */
  canCreate: z.array(z.enum(CREATABLE_KINDS)),
});
export type OrganisationList = z.infer<typeof OrganisationList>;

/** An organisation's name: normalised (NFKC, trimmed), 1 to ORGANISATION_NAME_MAX characters, nothing invisible. */
export const OrganisationName = displayName('name', ORGANISATION_NAME_MAX);

export const CreateOrganisation = z.object({
  kind: z.enum(CREATABLE_KINDS, `kind must be one of ${CREATABLE_KINDS.join(', ')}`),
  name: OrganisationName,
  /** the organisation it belongs to; defaults to the session's organisation (the platform: top level) */
  parentId: z.uuid('parentId must be an organisation id').nullish(),
  regionCode: z
    .union([RegionCode, z.literal('')])
    .nullish()
    .transform((v) => v || null),
});
export type CreateOrganisation = z.input<typeof CreateOrganisation>;

/** Rename: the same rules for the name as at creation (unique among its siblings, without regard to case). */
export const RenameOrganisation = VersionField.extend({ name: OrganisationName });
export type RenameOrganisation = z.input<typeof RenameOrganisation>;

/** 409 not_empty details: what an organisation that cannot be deleted still holds. */
export const OrganisationHoldings = z.object({
  members: z.number().int(),
  childOrganisations: z.number().int(),
  assessments: z.number().int(),
  plans: z.number().int(),
});
export type OrganisationHoldings = z.infer<typeof OrganisationHoldings>;

export const MemberView = z.object({
  userId: z.string(),
  email: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  /** still on a one-time password */
  mustChangePassword: z.boolean(),
  joinedAt: z.string(),
});
export type MemberView = z.infer<typeof MemberView>;

export const MemberList = z.object({
  organisation: OrganisationView,
  members: z.array(MemberView),
});
export type MemberList = z.infer<typeof MemberList>;

export const AddMember = z.object({
  email: z
    .string('email is required')
    .trim()
    .toLowerCase()
    .pipe(z.email('email must be an email address').max(320)),
  displayName: displayName('displayName', 200),
  role: z.enum(ROLES, `role must be one of ${ROLES.join(', ')}`),
});
export type AddMember = z.input<typeof AddMember>;

export const AddedMember = z.object({
  member: MemberView,
  /** true when a new user account was created */
  created: z.boolean(),
  /** the new user's one-time password: returned once, only here, never stored in clear (null for existing users) */
  oneTimePassword: z.string().nullable(),
});
export type AddedMember = z.infer<typeof AddedMember>;

export const ChangeRole = z.object({ role: z.enum(ROLES, `role must be one of ${ROLES.join(', ')}`) });
export type ChangeRole = z.infer<typeof ChangeRole>;

export const PasswordReset = z.object({
  /** the member, now on the one-time password */
  member: MemberView,
  /** the new one-time password: returned once, only here, never stored in clear; to be changed at next sign-in */
  oneTimePassword: z.string(),
});
export type PasswordReset = z.infer<typeof PasswordReset>;

// ── Invitations 邀请 ──────────────────────────────────────────────────────────────────────────────────────

/** How long an invitation can be accepted. */
export const INVITATION_DAYS = 7;

export const INVITATION_STATUSES = ['pending', 'accepted', 'declined', 'revoked', 'expired'] as const;
export type InvitationStatus = (typeof INVITATION_STATUSES)[number];

/**
 * Invite someone by email: whether or not the email has an account, the answer is the same (202, a pending
 * invitation and its one-time code). Nobody becomes a member until the invitee accepts.
 */
export const InviteMember = z.object({
  email: z
    .string('email is required')
    .trim()
    .toLowerCase()
    .pipe(z.email('email must be an email address').max(320)),
  role: z.enum(ROLES, `role must be one of ${ROLES.join(', ')}`),
});
export type InviteMember = z.input<typeof InviteMember>;

export const InvitationView = z.object({
  id: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  orgKind: z.enum(ORGANISATION_KINDS),
  email: z.string(),
  role: z.enum(ROLES),
  status: z.enum(INVITATION_STATUSES),
  /** the display name of the administrator who invited (null when that account is gone) */
  invitedBy: z.string().nullable(),
  createdAt: z.string(),
  expiresAt: z.string(),
});
export type InvitationView = z.infer<typeof InvitationView>;

export const IssuedInvitation = z.object({
  invitation: InvitationView,
  /** the one-time invitation code: returned once, only here, stored only hashed; the invitee opens /invitation#<code> */
  code: z.string(),
});
export type IssuedInvitation = z.infer<typeof IssuedInvitation>;

export const InvitationList = z.object({ invitations: z.array(InvitationView) });
export type InvitationList = z.infer<typeof InvitationList>;

export const InvitationAnswer = z.object({ invitation: InvitationView });
export type InvitationAnswer = z.infer<typeof InvitationAnswer>;

export const InvitationCode = z.object({
  code: z
    .string('code is required')
    .trim()
    .min(1, 'code is required')
    .max(200, 'code has at most 200 characters'),
});
export type InvitationCode = z.input<typeof InvitationCode>;

/**
 * Accept with the code, not signed in: the password of the invited email's account, or — when the email has no
 * account yet — the password (and name) of the account to create.
 */
export const RedeemInvitation = InvitationCode.extend({
  password: z.string('password is required').min(1, 'password is required').max(1024),
  /** a new account's name: trimmed, normalised, no invisible characters (src/contracts/text.ts) */
  displayName: z
    .string()
    .optional()
    .transform((v) => (v?.trim() ? v : undefined))
    .pipe(displayName('displayName', 200).optional()),
});
export type RedeemInvitation = z.input<typeof RedeemInvitation>;
