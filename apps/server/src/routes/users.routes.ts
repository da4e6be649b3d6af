import { routeSchemas } from '@ptrack/contracts';
import { createResetLink, inviteUser, listInvitations, listUsers, revokeInvitation, updateUser } from '@ptrack/services';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { RouteOptions } from '../context';
import { linkBaseOf } from '../identity';

const tags = ['users'];

export const userRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app, { contextOf, identity }) => {
  app.get(
    '/users',
    { config: { permission: 'users:read' }, schema: { tags, summary: 'Every user', ...routeSchemas.listUsers } },
    async (request) => listUsers(contextOf(request)),
  );

  app.patch(
    '/users/:id',
    {
      config: { permission: 'users:manage' },
      schema: {
        tags,
        summary: "Change a user's role, name or active state (deactivating ends their sessions and tokens)",
        ...routeSchemas.updateUser,
      },
    },
    async (request) => updateUser(contextOf(request), request.params.id, request.body),
  );

  app.post(
    '/users/:id/reset-link',
    {
      config: { permission: 'users:manage' },
      schema: { tags, summary: 'A password reset link for a user (valid one hour)', ...routeSchemas.createResetLink },
    },
    async (request, reply) =>
      reply.code(201).send(await createResetLink(contextOf(request), request.params.id, linkBaseOf(identity, request))),
  );

  app.get(
    '/invitations',
    {
      config: { permission: 'users:manage' },
      schema: { tags, summary: 'Pending invitations', ...routeSchemas.listInvitations },
    },
    async (request) => listInvitations(contextOf(request)),
  );

  app.post(
    '/invitations',
    {
      config: { permission: 'users:manage' },
      schema: {
        tags,
        summary: 'Invite someone with a role (a link valid 7 days, emailed when SMTP is configured)',
        ...routeSchemas.createInvitation,
      },
    },
    async (request, reply) =>
      reply.code(201).send(await inviteUser(contextOf(request), request.body, linkBaseOf(identity, request))),
  );

  app.delete(
    '/invitations/:id',
    {
      config: { permission: 'users:manage' },
      schema: { tags, summary: 'Revoke an invitation', ...routeSchemas.revokeInvitation },
    },
    async (request, reply) => {
      await revokeInvitation(contextOf(request), request.params.id);
      return reply.code(204).send(null);
    },
  );
};
