import { z } from 'zod';
import { ORGANISATION_KINDS, ROLES } from './auth.ts';
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

/** An organisation's name: trimmed, 1 to ORGANISATION_NAME_MAX characters. */
export const OrganisationName = z
  .string('name is required')
  .trim()
  .min(1, 'name is required')
  .max(ORGANISATION_NAME_MAX, `name has at most ${ORGANISATION_NAME_MAX} characters`);

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
  displayName: z
    .string('displayName is required')
    .trim()
    .min(1, 'displayName is required')
    .max(200, 'displayName has at most 200 characters'),
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
