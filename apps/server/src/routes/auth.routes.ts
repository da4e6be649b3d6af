import { routeSchemas } from '@ptrack/contracts';
import {
  acceptInvitation,
  completePasswordReset,
  getSessionState,
  listSessions,
  lookupInvitation,
  requestPasswordReset,
  revokeSession,
  setupFirstAdmin,
  signIn,
  signOut,
  signOutEverywhere,
} from '@ptrack/services';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { RouteOptions } from '../context';
import { authRequestOf, linkBaseOf, sendCookies } from '../identity';

const tags = ['accounts'];

// Per client address, on the routes that take a password or a link token (issue 12).
const perIp = (max: number) => ({ rateLimit: { max, timeWindow: '1 minute' } });

export const authRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app, { contextOf, publicContextOf, identity }) => {
  app.get(
    '/session',
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'Who is signed in, and whether the first admin is still to be created',
        ...routeSchemas.getSession,
      },
    },
    async (request) => getSessionState(publicContextOf(request), request.actor),
  );

  app.post(
    '/setup',
    {
      config: { public: true, ...perIp(10) },
      schema: {
        tags,
        summary: 'First run: create the first admin (only while no user exists) and sign in',
        ...routeSchemas.setup,
      },
    },
    async (request, reply) => {
      const { setCookies, ...state } = await setupFirstAdmin(
        publicContextOf(request),
        identity,
        authRequestOf(request),
        request.body,
      );
      sendCookies(reply, setCookies);
      return reply.code(201).send(state);
    },
  );

  app.post(
    '/session',
    {
      config: { public: true, ...perIp(30) },
      schema: { tags, summary: 'Sign in with email and password (sets the session cookie)', ...routeSchemas.signIn },
    },
    async (request, reply) => {
      const { setCookies, ...state } = await signIn(publicContextOf(request), identity, authRequestOf(request), request.body);
      sendCookies(reply, setCookies);
      return state;
    },
  );

  app.delete(
    '/session',
    { config: { signedIn: true }, schema: { tags, summary: 'Sign out of this session', ...routeSchemas.signOut } },
    async (request, reply) => {
      const { setCookies } = await signOut(contextOf(request), identity, authRequestOf(request));
      sendCookies(reply, setCookies);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/sessions',
    { config: { signedIn: true }, schema: { tags, summary: "The signed-in user's sessions", ...routeSchemas.listSessions } },
    async (request) => listSessions(contextOf(request)),
  );

  app.delete(
    '/sessions/:id',
    {
      config: { signedIn: true },
      schema: { tags, summary: 'End one of your sessions', ...routeSchemas.revokeSession },
    },
    async (request, reply) => {
      await revokeSession(contextOf(request), request.params.id);
      return reply.code(204).send(null);
    },
  );

  app.delete(
    '/sessions',
    {
      config: { signedIn: true },
      schema: {
        tags,
        summary: 'Sign out everywhere: every one of your sessions, this one included',
        ...routeSchemas.signOutEverywhere,
      },
    },
    async (request, reply) => {
      const { setCookies } = await signOutEverywhere(contextOf(request), identity, authRequestOf(request));
      sendCookies(reply, setCookies);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/password-reset',
    {
      config: { public: true, ...perIp(5) },
      schema: { tags, summary: 'Email a password reset link (always 202)', ...routeSchemas.requestPasswordReset },
    },
    async (request, reply) => {
      await requestPasswordReset(publicContextOf(request), request.body, linkBaseOf(identity, request));
      return reply.code(202).send(null);
    },
  );

  app.post(
    '/password-reset/complete',
    {
      config: { public: true, ...perIp(10) },
      schema: { tags, summary: "Set a new password with a reset link's token", ...routeSchemas.completePasswordReset },
    },
    async (request, reply) => {
      await completePasswordReset(publicContextOf(request), request.body);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/invitations/lookup',
    {
      config: { public: true, ...perIp(30) },
      schema: { tags, summary: 'What an invitation link offers', ...routeSchemas.lookupInvitation },
    },
    async (request) => lookupInvitation(publicContextOf(request), request.query.token),
  );

  app.post(
    '/invitations/accept',
    {
      config: { public: true, ...perIp(30) },
      schema: { tags, summary: 'Accept an invitation: create the account and sign in', ...routeSchemas.acceptInvitation },
    },
    async (request, reply) => {
      const { setCookies, ...state } = await acceptInvitation(
        publicContextOf(request),
        identity,
        authRequestOf(request),
        request.body,
      );
      sendCookies(reply, setCookies);
      return reply.code(201).send(state);
    },
  );
};
