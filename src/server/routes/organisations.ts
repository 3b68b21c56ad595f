/**
 * 组织与成员 — organisations: list those the session's organisation manages and create new ones. Only
 * administrators; an authority creates pilot enterprises and service providers, a provider or an association
 * creates enterprises, the platform creates any kind anywhere, an enterprise creates none.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { CreateOrganisation, OrganisationList, OrganisationView } from '../../contracts/organisations.ts';
import type { Db } from '../../db/client.ts';
import { listOrganisations } from '../../db/repositories/organisations.ts';
import { forbidden } from '../app-error.ts';
import { requireSession } from '../auth/current-session.ts';
import { creatableKinds, requireOrganisationAdmin } from '../auth/organisation-access.ts';
import { createOrganisationChecked, presentOrganisation } from '../use-cases/organisations.ts';
import { ErrorResponse } from './error-response.ts';

const tags = ['organisations'];

export function organisationRoutes(db: Db): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/organisations',
      {
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
  };
}
