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
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { RouteOptions } from '../context';
import { authRequestOf, linkBaseOf, sendCookies } from '../identity';

const tags = ['accounts'];

// Per client address, on the routes that take a password or a link token (issue 12).
const perIp = (max: number) => ({ rateLimit: { max, timeWindow: '1 minute' } });

type App = Parameters<FastifyPluginAsyncZod<RouteOptions>>[0];

/**
 * What every sign-in-like use case takes first (the public context, the identity, the request's
 * client details), and how its answer goes back: the cookies it set as headers, the rest as the body.
 */
function cookieFlow({ publicContextOf, identity }: RouteOptions) {
  return {
    args: (request: FastifyRequest) => [publicContextOf(request), identity, authRequestOf(request)] as const,
    async send<T extends { setCookies: readonly string[] }>(
      reply: FastifyReply,
      result: Promise<T>,
    ): Promise<Omit<T, 'setCookies'>> {
      const { setCookies, ...rest } = await result;
      sendCookies(reply, setCookies);
      return rest;
    },
  };
}

/** Signing in and out, first run, and the signed-in user's sessions. */
function sessionRoutes(app: App, options: RouteOptions): void {
  const { contextOf, publicContextOf, identity } = options;
  const flow = cookieFlow(options);
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
    async (request, reply) => reply.code(201).send(await flow.send(reply, setupFirstAdmin(...flow.args(request), request.body))),
  );

  app.post(
    '/session',
    {
      config: { public: true, ...perIp(30) },
      schema: { tags, summary: 'Sign in with email and password (sets the session cookie)', ...routeSchemas.signIn },
    },
    async (request, reply) => flow.send(reply, signIn(...flow.args(request), request.body)),
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
}

/** Password reset and invitation links: public, with a token from an email. */
function linkRoutes(app: App, options: RouteOptions): void {
  const { publicContextOf, identity } = options;
  const flow = cookieFlow(options);
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
    async (request, reply) => reply.code(201).send(await flow.send(reply, acceptInvitation(...flow.args(request), request.body))),
  );
}

export const authRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app, options) => {
  sessionRoutes(app, options);
  linkRoutes(app, options);
};
