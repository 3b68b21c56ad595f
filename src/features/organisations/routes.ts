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
import { member } from '../../server/access/caller.ts';
import { managedTenant } from '../../server/access/managed-tenant.ts';
import { ErrorResponse } from '../../server/error-response.ts';
import { createOrganisationFor } from './create-organisation.ts';
import { memberAuditScope } from '../audit/request-scope.ts';
import { deleteOrganisation } from './delete-organisation.ts';
import { listManagedOrganisations } from './list-organisations.ts';
import { presentOrganisation, presentOrganisationList } from './presenter.ts';
import { renameOrganisation } from './rename-organisation.ts';

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
      async (request) =>
        presentOrganisationList(await listManagedOrganisations(db, member(request).organisation)),
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
        const created = await createOrganisationFor(
          db,
          member(request).organisation,
          request.body,
          memberAuditScope(request),
        );
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
        const { tenant } = await managedTenant(db, member(request), request.params.orgId);
        const { name, version } = request.body;
        return presentOrganisation(
          await renameOrganisation(db, tenant, name, version, memberAuditScope(request, tenant)),
        );
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
        const caller = member(request);
        await deleteOrganisation(
          db,
          caller.organisation,
          await managedTenant(db, caller, request.params.orgId),
          memberAuditScope(request),
        );
        return reply.status(204).send(null);
      },
    );
  };
}
