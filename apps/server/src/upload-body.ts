import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { errorCodes } from 'fastify';

/** A request body received into an owner-only file (removed once the response is sent). */
export class UploadedFile {
  constructor(
    readonly path: string,
    readonly bytes: number,
  ) {}

  remove(): Promise<void> {
    return rm(this.path, { force: true });
  }
}

/**
 * Writes a request body to `path` as it arrives, so a sheet of 100 MB never sits in memory: the body is
 * read only as fast as the disk takes it. Past `limit` bytes (or a larger Content-Length) the reading
 * stops with Fastify's own 413 error, and the partial file is removed, as it is when the client goes.
 */
export function receiveUpload(payload: Readable, path: string, limit: number, declaredBytes?: number): Promise<UploadedFile> {
  if (declaredBytes !== undefined && declaredBytes > limit) return Promise.reject(new errorCodes.FST_ERR_CTP_BODY_TOO_LARGE());
  return new Promise((resolve, reject) => {
    const out = createWriteStream(path, { flags: 'wx', mode: 0o600 });
    let bytes = 0;
    let settled = false;
    const detach = () => {
      payload.off('data', onData);
      payload.off('end', onEnd);
      payload.off('error', fail);
      payload.off('close', onClose);
    };
    const fail = (error: unknown) => {
      if (settled) return;
      settled = true;
      detach();
      out.destroy();
      void rm(path, { force: true }).finally(() => reject(error));
    };
    const onData = (chunk: Buffer) => {
      bytes += chunk.length;
      if (bytes > limit) return fail(new errorCodes.FST_ERR_CTP_BODY_TOO_LARGE());
      if (!out.write(chunk)) {
        payload.pause();
        out.once('drain', () => payload.resume());
      }
    };
    const onEnd = () => {
      detach();
      out.end(() => {
        if (settled) return;
        settled = true;
        resolve(new UploadedFile(path, bytes));
      });
    };
    const onClose = () => fail(new Error('the upload was interrupted'));
    payload.on('data', onData);
    payload.once('end', onEnd);
    payload.once('error', fail);
    payload.once('close', onClose);
    out.once('error', fail);
  });
}
