import { z } from 'zod';

/**
 * Request and response shapes shared by the server (validation, OpenAPI) and the web app (types only).
 * Contracts import nothing but zod.
 */
export const ORGANISATION_KINDS = [
  'enterprise',
  'service_provider',
  'authority',
  'association',
  'platform',
] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

export const ROLES = ['admin', 'editor', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

export const Membership = z.object({
  orgId: z.string(),
  orgName: z.string(),
  orgKind: z.enum(ORGANISATION_KINDS),
  role: z.enum(ROLES),
});
export type Membership = z.infer<typeof Membership>;

export const Me = z.object({
  user: z.object({
    id: z.string(),
    email: z.string(),
    displayName: z.string(),
    locale: z.string(),
    mustChangePassword: z.boolean(),
  }),
  organisation: Membership,
  memberships: z.array(Membership),
});
export type Me = z.infer<typeof Me>;

export const SignIn = z.object({
  email: z.string().trim().min(1, 'email is required').max(320),
  password: z.string().min(1, 'password is required').max(1024),
});
export type SignIn = z.infer<typeof SignIn>;

export const ChangePassword = z.object({
  currentPassword: z.string().min(1).max(1024),
  // the password policy (length, strength, common passwords) is checked by the server, with a code per rule
  newPassword: z.string().min(1, 'the new password is required').max(1024),
});
export type ChangePassword = z.infer<typeof ChangePassword>;

export const SwitchOrganisation = z.object({ orgId: z.uuid('orgId must be an organisation id') });
export type SwitchOrganisation = z.infer<typeof SwitchOrganisation>;

export interface ErrorBody {
  error: { code: string; message: string; details: unknown };
}

/**
 * The rules of the password policy (src/server/auth/password-policy.ts), by the code a `weak_password` refusal names
 * in `details.problems`; the web app translates each.
 */
export const PASSWORD_PROBLEM_CODES = [
  'too_short',
  'only_whitespace',
  'same_as_current',
  'personal_data',
  'common_password',
  'too_weak',
] as const;
export type PasswordProblemCode = (typeof PASSWORD_PROBLEM_CODES)[number];
