import {
  CreatedInvitation,
  IdParams,
  InvitationList,
  InviteUserRequest,
  LinkResponse,
  UpdateUserRequest,
  UserDto,
  UserList,
} from '@ptrack/contracts';
import { createResetLink, inviteUser, listInvitations, listUsers, revokeInvitation, updateUser } from '@ptrack/services';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { RouteOptions } from '../context';
import { linkBaseOf } from '../identity';

const tags = ['users'];

export const userRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app, { contextOf, identity }) => {
  app.get('/users', { schema: { tags, summary: 'Every user', response: { 200: UserList } } }, async (request) =>
    listUsers(contextOf(request)),
  );

  app.patch(
    '/users/:id',
    {
      schema: {
        tags,
        summary: "Change a user's role, name or active state (deactivating ends their sessions and tokens)",
        params: IdParams,
        body: UpdateUserRequest,
        response: { 200: UserDto },
      },
    },
    async (request) => updateUser(contextOf(request), request.params.id, request.body),
  );

  app.post(
    '/users/:id/reset-link',
    {
      schema: {
        tags,
        summary: 'A password reset link for a user (valid one hour)',
        params: IdParams,
        response: { 201: LinkResponse },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await createResetLink(contextOf(request), request.params.id, linkBaseOf(identity, request))),
  );

  app.get(
    '/invitations',
    { schema: { tags, summary: 'Pending invitations', response: { 200: InvitationList } } },
    async (request) => listInvitations(contextOf(request)),
  );

  app.post(
    '/invitations',
    {
      schema: {
        tags,
        summary: 'Invite someone with a role (a link valid 7 days, emailed when SMTP is configured)',
        body: InviteUserRequest,
        response: { 201: CreatedInvitation },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await inviteUser(contextOf(request), request.body, linkBaseOf(identity, request))),
  );

  app.delete(
    '/invitations/:id',
    { schema: { tags, summary: 'Revoke an invitation', params: IdParams, response: { 204: z.null() } } },
    async (request, reply) => {
      await revokeInvitation(contextOf(request), request.params.id);
      return reply.code(204).send(null);
    },
  );
};
