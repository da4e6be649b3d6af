import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { createInflateRaw } from 'node:zlib';

export type ZipEntry = { name: string; method: number; compressedSize: number; offset: number };

/** Random access to the bytes of a ZIP archive: a file on disk or a buffer. */
type ByteSource = {
  size: number;
  read(position: number, length: number): Promise<Buffer>;
  stream(start: number, end: number): Readable;
};

async function fileSource(path: string): Promise<ByteSource & { close(): Promise<void> }> {
  const handle = await open(path, 'r');
  const { size } = await handle.stat();
  return {
    size,
    async read(position, length) {
      const buf = Buffer.alloc(length);
      const { bytesRead } = await handle.read(buf, 0, length, position);
      return buf.subarray(0, bytesRead);
    },
    stream: (start, end) => createReadStream(path, { start, end: end - 1, highWaterMark: 1 << 20 }),
    close: () => handle.close(),
  };
}

function bufferSource(buffer: Buffer): ByteSource & { close(): Promise<void> } {
  return {
    size: buffer.length,
    read: async (position, length) => buffer.subarray(position, position + length),
    stream: (start, end) => Readable.from([buffer.subarray(start, end)]),
    close: async () => {},
  };
}

/**
 * Reads a ZIP archive's central directory, then streams entries on demand (stored or deflated). Sizes
 * come from the central directory, so archives written with data descriptors read fine. ZIP64 is refused.
 */
export class ZipReader {
  private constructor(
    private readonly source: ByteSource & { close(): Promise<void> },
    readonly entries: ReadonlyMap<string, ZipEntry>,
  ) {}

  static async open(input: { path: string } | { buffer: Buffer }): Promise<ZipReader> {
    const source = 'path' in input ? await fileSource(input.path) : bufferSource(input.buffer);
    try {
      const tailLength = Math.min(source.size, 65_557);
      const tail = await source.read(source.size - tailLength, tailLength);
      const eocd = tail.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
      if (eocd < 0) throw new Error('no ZIP end-of-directory record');
      const count = tail.readUInt16LE(eocd + 10);
      const dirSize = tail.readUInt32LE(eocd + 12);
      const dirOffset = tail.readUInt32LE(eocd + 16);
      if (count === 0xffff || dirOffset === 0xffffffff) throw new Error('ZIP64 archives are not supported');
      const dir = await source.read(dirOffset, dirSize);
      const entries = new Map<string, ZipEntry>();
      let p = 0;
      for (let i = 0; i < count; i++) {
        if (dir.readUInt32LE(p) !== 0x02014b50) throw new Error('damaged ZIP central directory');
        const method = dir.readUInt16LE(p + 10);
        const compressedSize = dir.readUInt32LE(p + 20);
        const nameLength = dir.readUInt16LE(p + 28);
        const extraLength = dir.readUInt16LE(p + 30);
        const commentLength = dir.readUInt16LE(p + 32);
        const offset = dir.readUInt32LE(p + 42);
        const name = dir.toString('utf8', p + 46, p + 46 + nameLength);
        entries.set(name.replace(/^\//, ''), { name, method, compressedSize, offset });
        p += 46 + nameLength + extraLength + commentLength;
      }
      return new ZipReader(source, entries);
    } catch (e) {
      await source.close();
      throw e;
    }
  }

  /** The entry's content as a stream of bytes; null when the archive has no such entry. */
  async stream(name: string): Promise<Readable | null> {
    const entry = this.entries.get(name);
    if (!entry) return null;
    const header = await this.source.read(entry.offset, 30);
    if (header.readUInt32LE(0) !== 0x04034b50) throw new Error(`damaged ZIP entry ${name}`);
    const start = entry.offset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
    const raw = this.source.stream(start, start + entry.compressedSize);
    if (entry.method === 0) return raw;
    if (entry.method !== 8) throw new Error(`unsupported ZIP compression method ${entry.method}`);
    const inflate = createInflateRaw({ chunkSize: 256 * 1024 });
    raw.on('error', (e) => inflate.destroy(e));
    return raw.pipe(inflate);
  }

  /** The whole entry as text (for the small parts of a workbook). */
  async text(name: string): Promise<string | null> {
    const s = await this.stream(name);
    if (!s) return null;
    const chunks: Buffer[] = [];
    for await (const c of s) chunks.push(c as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  }

  private closed = false;
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.source.close();
  }
}
