import {
  AcceptInvitationRequest,
  CompletePasswordResetRequest,
  IdParams,
  InvitationLookup,
  InvitationLookupQuery,
  PasswordResetRequest,
  SessionList,
  SessionState,
  SetupRequest,
  SignInRequest,
} from '@ptrack/contracts';
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
import { z } from 'zod';
import type { RouteOptions } from '../context';
import { authRequestOf, linkBaseOf, sendCookies } from '../identity';

const tags = ['accounts'];

// Per client address, on the routes that take a password or a link token (issue 12).
const perIp = (max: number) => ({ rateLimit: { max, timeWindow: '1 minute' } });

export const authRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app, { contextOf, publicContextOf, identity }) => {
  app.get(
    '/session',
    {
      schema: {
        tags,
        summary: 'Who is signed in, and whether the first admin is still to be created',
        response: { 200: SessionState },
      },
    },
    async (request) => getSessionState(publicContextOf(request), request.actor),
  );

  app.post(
    '/setup',
    {
      config: perIp(10),
      schema: {
        tags,
        summary: 'First run: create the first admin (only while no user exists) and sign in',
        body: SetupRequest,
        response: { 201: SessionState },
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
      config: perIp(30),
      schema: {
        tags,
        summary: 'Sign in with email and password (sets the session cookie)',
        body: SignInRequest,
        response: { 200: SessionState },
      },
    },
    async (request, reply) => {
      const { setCookies, ...state } = await signIn(publicContextOf(request), identity, authRequestOf(request), request.body);
      sendCookies(reply, setCookies);
      return state;
    },
  );

  app.delete(
    '/session',
    { schema: { tags, summary: 'Sign out of this session', response: { 204: z.null() } } },
    async (request, reply) => {
      const { setCookies } = await signOut(contextOf(request), identity, authRequestOf(request));
      sendCookies(reply, setCookies);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/sessions',
    { schema: { tags, summary: "The signed-in user's sessions", response: { 200: SessionList } } },
    async (request) => listSessions(contextOf(request)),
  );

  app.delete(
    '/sessions/:id',
    { schema: { tags, summary: 'End one of your sessions', params: IdParams, response: { 204: z.null() } } },
    async (request, reply) => {
      await revokeSession(contextOf(request), request.params.id);
      return reply.code(204).send(null);
    },
  );

  app.delete(
    '/sessions',
    {
      schema: {
        tags,
        summary: 'Sign out everywhere: every one of your sessions, this one included',
        response: { 204: z.null() },
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
      config: perIp(5),
      schema: {
        tags,
        summary: 'Email a password reset link (always 202)',
        body: PasswordResetRequest,
        response: { 202: z.null() },
      },
    },
    async (request, reply) => {
      await requestPasswordReset(publicContextOf(request), request.body, linkBaseOf(identity, request));
      return reply.code(202).send(null);
    },
  );

  app.post(
    '/password-reset/complete',
    {
      config: perIp(10),
      schema: {
        tags,
        summary: "Set a new password with a reset link's token",
        body: CompletePasswordResetRequest,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await completePasswordReset(publicContextOf(request), request.body);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/invitations/lookup',
    {
      config: perIp(30),
      schema: {
        tags,
        summary: 'What an invitation link offers',
        querystring: InvitationLookupQuery,
        response: { 200: InvitationLookup },
      },
    },
    async (request) => lookupInvitation(publicContextOf(request), request.query.token),
  );

  app.post(
    '/invitations/accept',
    {
      config: perIp(30),
      schema: {
        tags,
        summary: 'Accept an invitation: create the account and sign in',
        body: AcceptInvitationRequest,
        response: { 201: SessionState },
      },
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
