import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Readable } from 'node:stream';
import type { RouteName, RouteRequest, RouteResponse } from '@ptrack/contracts';
import { endpoints, type HttpMethod, pathOf, type QueryValue } from '@ptrack/contracts/endpoints';
import { readCredentials } from './credentials';
import { CliError, EXIT, oneLine, problemError } from './errors';

/**
 * The one way every command reaches Partner Tracker: the REST API. A remote server (`ptrack login`, or
 * PTRACK_URL + PTRACK_TOKEN) is reached over HTTP with a personal API token. When a server on this
 * machine owns the data directory the CLI talks to it over HTTP with the token that server left for it
 * (`<dataDir>/local-cli.token`); otherwise it opens the database itself (taking the same lock) and runs
 * the same Fastify app in-process through `inject`, acting as the local admin.
 */
export type ApiRequest = {
  method: HttpMethod;
  path: string;
  /** A JSON body. */
  json?: unknown;
  /** A streamed body (restore), sent with `contentType`. */
  upload?: { stream: Readable; contentType: string };
  /** Hand back a successful response as a stream instead of reading it (backup). */
  streamResponse?: boolean;
};

export type ApiResponse = {
  status: number;
  contentType: string;
  /** Parsed JSON, or text; undefined when the response was streamed. */
  body: unknown;
  stream?: Readable;
};

export type ApiClient = {
  readonly mode: 'local' | 'remote';
  /** Where the data is: the server's URL, a data directory or a PostgreSQL server. */
  readonly location: string;
  send(request: ApiRequest): Promise<ApiResponse>;
  close(): Promise<void>;
};

export type ClientOptions = {
  /** --data-dir: the embedded database's directory (overrides PTRACK_DATA_DIR and DATABASE_URL). */
  dataDir?: string | undefined;
  env?: NodeJS.ProcessEnv;
};

// The server refuses a write that is neither JSON nor carries this header (a cross-site form could send
// it otherwise); uploads and body-less POSTs need it.
const CSRF_HEADERS: Record<string, string> = { 'x-ptrack-csrf': '1' };

type AnyRequest = { params?: Record<string, string>; query?: Readonly<Record<string, QueryValue>>; body?: unknown };

/**
 * The method and address of one operation of the contracts' route table, its path parameters and
 * query filled in, and its JSON body if it has one: what `client.send` takes (add an upload or
 * `streamResponse` for the operations that send or answer files).
 */
export function requestOf<N extends RouteName>(name: N, request: NoInfer<RouteRequest<N>>): ApiRequest {
  const { params, query, body } = request as AnyRequest;
  const path = pathOf(name, params as never, query);
  return { method: endpoints[name].method, path, ...(body === undefined ? {} : { json: body }) };
}

/**
 * Calls one operation of the route table: its params, query, body and answer are typed from the
 * contracts. Answers the successful JSON body, or throws the API's problem as a CliError whose field
 * names are the command's (`fieldNames`: `{ 'query.view': '--view' }`).
 */
export async function call<N extends RouteName>(
  client: ApiClient,
  name: N,
  request: NoInfer<RouteRequest<N>>,
  fieldNames?: Record<string, string>,
): Promise<RouteResponse<N>> {
  const res = await client.send(requestOf(name, request));
  if (res.status >= 400) throw problemError(res.status, res.body, fieldNames);
  return res.body as RouteResponse<N>;
}

function parseBody(text: string, contentType: string): unknown {
  if (text !== '' && contentType.includes('json')) {
    try {
      return JSON.parse(text);
    } catch {
      return text;
    }
  }
  return text;
}

/**
 * A remote server to use instead of a data directory: PTRACK_URL (with PTRACK_TOKEN or the stored
 * login's token), or the stored login when no data directory or database is named.
 */
function remoteTarget(env: NodeJS.ProcessEnv, dataDirGiven: boolean): { url: string; token: string } | null {
  if (dataDirGiven) return null;
  const url = env.PTRACK_URL?.trim();
  const token = env.PTRACK_TOKEN?.trim();
  if (url) {
    const stored = token ? null : readCredentials(env);
    const found = token || (stored && sameServer(stored.url, url) ? stored.token : null);
    if (!found) throw new CliError(`No token for ${url}: set PTRACK_TOKEN or run \`ptrack login --url ${url}\``, EXIT.FAILED);
    return { url, token: found };
  }
  if (env.PTRACK_DATA_DIR?.trim() || env.DATABASE_URL?.trim()) return null;
  const stored = readCredentials(env);
  return stored ? { url: stored.url, token: token || stored.token } : null;
}

function sameServer(a: string, b: string): boolean {
  return a.replace(/\/+$/, '') === b.replace(/\/+$/, '');
}

/** The token a server on this machine left for the CLI beside the data it owns. */
function localCliToken(dataDir: string, url: string, pid: number): string {
  try {
    return readFileSync(join(dataDir, 'local-cli.token'), 'utf8').trim();
  } catch {
    throw new CliError(
      oneLine(
        `The data directory ${dataDir} is owned by process ${pid}, serving ${url}, but its local-cli.token cannot be read ` +
          `(another OS user's server?). Run \`ptrack login --url ${url}\` instead.`,
      ),
      EXIT.UNAVAILABLE,
    );
  }
}

export async function openClient(options: ClientOptions = {}): Promise<ApiClient> {
  const env = { ...(options.env ?? process.env) };
  const remote = remoteTarget(env, options.dataDir !== undefined);
  if (remote) {
    return remoteClient(remote.url, remote.token, (cause) => `The server ${remote.url} does not answer (${cause}).`);
  }
  if (options.dataDir !== undefined) {
    env.PTRACK_DATA_DIR = options.dataDir;
    delete env.DATABASE_URL;
  }
  const storage = await import('@ptrack/storage');
  const open = storage.storageOptionsFromEnv(env);
  if (open.kind === 'pglite') {
    const owner = storage.readLock(open.dataDir);
    if (owner?.url) return ownerClient(owner.url, resolve(open.dataDir), owner.pid);
  }
  const started = Date.now();
  for (;;) {
    try {
      return await localClient(open, env);
    } catch (error) {
      if ((error as { code?: string }).code !== 'DATA_DIR_LOCKED' || open.kind !== 'pglite') throw error;
      // A server may have taken the directory between our look and our open, or be starting (it
      // records its URL once listening), or another short command holds it: wait a little for either.
      const owner = await waitForOwnerChange(storage.readLock, open.dataDir, started);
      if (owner === 'gone') continue;
      if (owner) return ownerClient(owner.url, open.dataDir, owner.pid);
      throw error;
    }
  }
}

/** How long a command waits for a data directory held by another process that is not (yet) serving it. */
const LOCK_WAIT_MS = 5_000;
/**
 * …and for one held by another short command (`ptrack today` run beside `ptrack partners`), which ends
 * on its own: on a loaded machine one takes far more than 5 s, and waiting must not depend on that.
 */
const COMMAND_WAIT_MS = 60_000;
const LOCK_YOUNG_MS = 60_000;

const isShortCommand = (command: string) => command.startsWith('ptrack ') && command !== 'ptrack serve';

async function waitForOwnerChange(
  readLock: typeof import('@ptrack/storage').readLock,
  dataDir: string,
  started: number,
): Promise<{ url: string; pid: number } | 'gone' | null> {
  for (;;) {
    const owner = readLock(dataDir);
    if (!owner) return 'gone';
    if (owner.url) return { url: owner.url, pid: owner.pid };
    const deadline = started + (isShortCommand(owner.command) ? COMMAND_WAIT_MS : LOCK_WAIT_MS);
    // An owner that has held it for long is not starting up: no point in waiting.
    if (Date.now() - Date.parse(owner.startedAt) > LOCK_YOUNG_MS || Date.now() >= deadline) return null;
    await new Promise((done) => setTimeout(done, 150));
  }
}

async function localClient(open: import('@ptrack/storage').OpenDatabaseOptions, env: NodeJS.ProcessEnv): Promise<ApiClient> {
  const [{ openDatabase }, { buildApp }, { localCliActor }] = await Promise.all([
    import('@ptrack/storage'),
    import('@ptrack/server'),
    import('@ptrack/services'),
  ]);
  // The CLI that opens the data itself is the machine's own user: the local admin, named in the history.
  const actor = localCliActor(env);
  const database = await openDatabase(
    open.kind === 'pglite' ? { ...open, lockCommand: `ptrack ${process.argv.slice(2).join(' ')}`.trim() } : open,
  );
  let app: Awaited<ReturnType<typeof buildApp>>;
  try {
    app = await buildApp({ database, authenticate: async () => actor });
    await app.ready();
  } catch (error) {
    await database.close();
    throw error;
  }
  let closed: Promise<void> | null = null;
  return {
    mode: 'local',
    location: open.kind === 'pglite' ? open.dataDir : database.location,
    async send(request) {
      const headers: Record<string, string> = request.method === 'GET' ? {} : { ...CSRF_HEADERS };
      let payload: string | Readable | undefined;
      if (request.upload) {
        headers['content-type'] = request.upload.contentType;
        payload = request.upload.stream;
      } else if (request.json !== undefined) {
        headers['content-type'] = 'application/json';
        payload = JSON.stringify(request.json);
      }
      const res = await app.inject({
        method: request.method,
        url: request.path,
        headers,
        ...(payload === undefined ? {} : { payload }),
        ...(request.streamResponse ? { payloadAsStream: true } : {}),
      });
      const contentType = String(res.headers['content-type'] ?? '');
      if (request.streamResponse) {
        const stream = res.stream();
        if (res.statusCode < 400) return { status: res.statusCode, contentType, body: undefined, stream };
        const text = await readAll(stream);
        return { status: res.statusCode, contentType, body: parseBody(text, contentType) };
      }
      return { status: res.statusCode, contentType, body: parseBody(res.body, contentType) };
    },
    close() {
      closed ??= (async () => {
        try {
          await app.close();
        } finally {
          await database.close();
        }
      })();
      return closed;
    },
  };
}

function ownerClient(url: string, dataDir: string, pid: number): ApiClient {
  return remoteClient(
    url,
    localCliToken(dataDir, url, pid),
    (cause) =>
      `The data directory ${dataDir} is owned by process ${pid}, serving ${url}, which does not answer (${cause}). ` +
      'Stop that process, or use a different PTRACK_DATA_DIR.',
  );
}

function remoteClient(baseUrl: string, token: string, unreachable: (cause: string) => string): ApiClient {
  const base = baseUrl.replace(/\/+$/, '');
  return {
    mode: 'remote',
    location: base,
    async send(request) {
      const headers: Record<string, string> = {
        authorization: `Bearer ${token}`,
        accept: 'application/json, application/x-ndjson',
        ...(request.method === 'GET' ? {} : CSRF_HEADERS),
      };
      let body: RequestInit['body'];
      if (request.upload) {
        headers['content-type'] = request.upload.contentType;
        body = Readable.toWeb(request.upload.stream) as unknown as RequestInit['body'];
      } else if (request.json !== undefined) {
        headers['content-type'] = 'application/json';
        body = JSON.stringify(request.json);
      }
      let res: Response;
      try {
        res = await fetch(`${base}${request.path}`, {
          method: request.method,
          headers,
          ...(body === undefined ? {} : { body }),
          ...(request.upload ? { duplex: 'half' } : {}),
        } as RequestInit);
      } catch (error) {
        const cause = (error as { cause?: { message?: string } }).cause?.message ?? (error as Error).message;
        throw new CliError(oneLine(unreachable(cause)), EXIT.UNAVAILABLE);
      }
      const contentType = res.headers.get('content-type') ?? '';
      if (request.streamResponse && res.status < 400 && res.body) {
        return { status: res.status, contentType, body: undefined, stream: Readable.fromWeb(res.body as never) };
      }
      return { status: res.status, contentType, body: parseBody(await res.text(), contentType) };
    },
    async close() {},
  };
}

async function readAll(stream: Readable): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string));
  return Buffer.concat(chunks).toString('utf8');
}
