/**
 * 组织与成员 — organisations: list those the session's organisation manages, create, rename and delete them. Only
 * administrators; an authority creates pilot enterprises and service providers, a provider or an association
 * creates enterprises, the platform creates any kind anywhere, an enterprise creates none. An organisation is
 * renamed by its own, its parent's or the platform's admins, deleted (when empty) by its parent's or the platform's.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  CreateOrganisation,
  OrganisationList,
  OrganisationView,
  RenameOrganisation,
} from '../../contracts/organisations.ts';
import type { Db } from '../../db/client.ts';
import { listOrganisations } from './repositories/organisations.ts';
import { AppError, forbidden } from '../../server/app-error.ts';
import { requireSession } from '../../server/sessions/current-session.ts';
import {
  creatableKinds,
  deletionRefusal,
  requireManagedOrganisation,
  requireOrganisationAdmin,
} from './organisation-access.ts';
import {
  createOrganisationChecked,
  deleteEmptyOrganisation,
  presentOrganisation,
  renameOrganisation,
} from './organisations.ts';
import { requireVersion } from '../../server/versioned-save.ts';
import { ErrorResponse } from '../../server/error-response.ts';

const tags = ['organisations'];
const OrgParams = z.object({ orgId: z.uuid('orgId must be an organisation id') });
const errors = { 400: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };

export function organisationRoutes(db: Db): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/organisations',
      {
        config: { access: 'admin' },
        schema: {
          tags,
          summary: "The session's organisation and the organisations it manages (the platform: all)",
          response: { 200: OrganisationList, 403: ErrorResponse },
        },
      },
      async (request) => {
        const manager = await requireOrganisationAdmin(db, await requireSession(db, request));
        const rows = await listOrganisations(db, manager.kind === 'platform' ? 'all' : { orgId: manager.id });
        const own = rows.filter((r) => r.id === manager.id);
        const others = rows.filter((r) => r.id !== manager.id);
        return {
          organisations: [...own, ...others].map(presentOrganisation),
          canCreate: creatableKinds(manager.kind),
        };
      },
    );

    app.post(
      '/api/organisations',
      {
        config: { access: 'admin' },
        schema: {
          tags,
          summary: 'Create an organisation under your own (the platform: at top level or under any parent)',
          description:
            'The name is trimmed and must be unique, without regard to case, among the organisations with the ' +
            'same parent (409 duplicate_name). regionCode is a six-digit GB/T 2260 code.',
          body: CreateOrganisation,
          response: { 201: OrganisationView, 400: ErrorResponse, 403: ErrorResponse, 409: ErrorResponse },
        },
      },
      async (request, reply) => {
        const manager = await requireOrganisationAdmin(db, await requireSession(db, request));
        const allowed = creatableKinds(manager.kind);
        if (allowed.length === 0) throw forbidden('An enterprise cannot create organisations');
        const { kind, name, regionCode } = request.body;
        let parentId: string | null;
        if (manager.kind === 'platform') {
          parentId = request.body.parentId ?? null;
        } else {
          parentId = request.body.parentId ?? manager.id;
          if (parentId !== manager.id) {
            throw forbidden('You can create organisations only directly under your own organisation');
          }
        }
        if (!allowed.includes(kind)) {
          throw forbidden(`Your organisation can create only: ${allowed.join(', ')}`);
        }
        const created = await createOrganisationChecked(db, { kind, name, parentId, regionCode });
        return reply.status(201).send(presentOrganisation(created));
      },
    );

    app.patch(
      '/api/organisations/:orgId',
      {
        config: { access: 'admin' },
        schema: {
          tags,
          summary: 'Rename an organisation you manage (your own, a child of it; the platform: any)',
          description:
            'The same rules as at creation: trimmed, 1 to 200 characters, unique without regard to case among ' +
            'the organisations with the same parent (409 duplicate_name). Send the `version` renamed, from the last ' +
            'read (400 version_required without it; 409 stale_version when someone renamed it since).',
          params: OrgParams,
          body: RenameOrganisation,
          response: { 200: OrganisationView, ...errors },
        },
      },
      async (request) => {
        const session = await requireSession(db, request);
        const { target } = await requireManagedOrganisation(db, session, request.params.orgId);
        const version = requireVersion(request.body.version, 'organisation');
        return presentOrganisation(await renameOrganisation(db, target.id, request.body.name, version));
      },
    );

    app.delete(
      '/api/organisations/:orgId',
      {
        config: { access: 'admin' },
        schema: {
          tags,
          summary: 'Delete an empty child organisation (the platform: any but itself)',
          description:
            "Only its parent's administrators or the platform's; never the platform organisation nor the one the " +
            'session acts for (403). It must hold no child organisations, assessments or plans (409 not_empty, ' +
            'with the counts in details); its memberships and the sessions acting for it go with it, its users ' +
            'remain.',
          params: OrgParams,
          response: { 204: z.null(), ...errors },
        },
      },
      async (request, reply) => {
        const session = await requireSession(db, request);
        const { manager, target } = await requireManagedOrganisation(db, session, request.params.orgId);
        const refusal = deletionRefusal(manager, target);
        if (refusal) throw new AppError(refusal.status, refusal.code, refusal.message);
        await deleteEmptyOrganisation(db, target.id);
        return reply.status(204).send(null);
      },
    );
  };
}
