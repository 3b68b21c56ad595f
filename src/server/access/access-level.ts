/**
 * What a route needs of its caller, declared on every `/api` route as `config: { access }`:
 * - `public`: nobody need be signed in (the atlas, health, signing in, an invitation opened by its code);
 * - `signed-in`: a live session, whatever the memberships (who am I, sign out, change my password, my invitations);
 * - `read`: a member of the organisation the session acts for, in any role;
 * - `write`: an editor or administrator of it;
 * - `admin`: an administrator of it (organisations it manages are then checked by `managedTenant`).
 * A route without a declaration stops the server at start-up (access-hook.ts).
 */
export const ACCESS_LEVELS = ['public', 'signed-in', 'read', 'write', 'admin'] as const;
export type Access = (typeof ACCESS_LEVELS)[number];

export const isAccess = (value: unknown): value is Access =>
  typeof value === 'string' && (ACCESS_LEVELS as readonly string[]).includes(value);

/** Whether a route of this access changes data only its writers may change (a viewer is refused). */
export const needsWriter = (access: Access): boolean => access === 'write' || access === 'admin';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** what the route needs of its caller; required on every /api route */
    access?: Access;
    /**
     * the route also serves an organisation the record's owner shared it with (an invited provider; see
     * Ownership.sharedWith); it then reads the owner's tenant with `recordTenant(request)`. Absent: owners only.
     */
    shared?: boolean;
  }
}

/** What a role may do in its organisation: viewers read, editors and admins also write. */
export const canWrite = (role: 'admin' | 'editor' | 'viewer'): boolean =>
  role === 'admin' || role === 'editor';
