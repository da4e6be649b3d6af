import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { crc32, createDeflateRaw, type ZlibOptions } from 'node:zlib';

type Entry = { name: Buffer; crc: number; compressed: number; size: number; offset: number };

const FLAGS = 0x0808; // bit 3: sizes in a data descriptor after the data; bit 11: UTF-8 names
const DOS_DATE_1980_01_01 = 0x21;
const MAX_32 = 0xffff_ffff;

/**
 * A streaming ZIP writer (deflate, data descriptors, no ZIP64): entries are compressed as their content
 * arrives and written to `out` with back-pressure, so an archive of any row count is never held in memory.
 */
export class ZipWriter {
  private offset = 0;
  private readonly entries: Entry[] = [];

  constructor(
    private readonly out: Writable,
    private readonly level = 6,
  ) {}

  private async write(buf: Buffer): Promise<void> {
    this.offset += buf.length;
    if (!this.out.write(buf)) await once(this.out, 'drain');
  }

  /** Adds one file whose content is produced chunk by chunk. */
  async add(name: string, content: AsyncIterable<string> | Iterable<string>): Promise<void> {
    const nameBuf = Buffer.from(name, 'utf8');
    const offset = this.offset;
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(FLAGS, 6);
    header.writeUInt16LE(8, 8);
    header.writeUInt16LE(0, 10);
    header.writeUInt16LE(DOS_DATE_1980_01_01, 12);
    header.writeUInt16LE(nameBuf.length, 26);
    await this.write(Buffer.concat([header, nameBuf]));

    // Large buffers let rows be produced while the thread pool compresses the previous chunk.
    // (zlib streams take the stream options too; @types/node's ZlibOptions omits them.)
    const deflate = createDeflateRaw({ level: this.level, chunkSize: 256 * 1024, highWaterMark: 4 * 1024 * 1024 } as ZlibOptions);
    let compressed = 0;
    const pump = (async () => {
      for await (const chunk of deflate as AsyncIterable<Buffer>) {
        compressed += chunk.length;
        await this.write(chunk);
      }
    })();
    let crc = 0;
    let size = 0;
    try {
      for await (const text of content) {
        const buf = Buffer.from(text, 'utf8');
        crc = crc32(buf, crc);
        size += buf.length;
        if (!deflate.write(buf)) await once(deflate, 'drain');
      }
    } finally {
      deflate.end();
    }
    await pump;
    if (size > MAX_32 || compressed > MAX_32 || this.offset > MAX_32) throw new RangeError('the workbook is larger than 4 GB');
    const descriptor = Buffer.alloc(16);
    descriptor.writeUInt32LE(0x08074b50, 0);
    descriptor.writeUInt32LE(crc >>> 0, 4);
    descriptor.writeUInt32LE(compressed, 8);
    descriptor.writeUInt32LE(size, 12);
    await this.write(descriptor);
    this.entries.push({ name: nameBuf, crc: crc >>> 0, compressed, size, offset });
  }

  /** Writes the central directory; the caller ends `out`. */
  async finish(): Promise<void> {
    const start = this.offset;
    for (const e of this.entries) {
      const h = Buffer.alloc(46);
      h.writeUInt32LE(0x02014b50, 0);
      h.writeUInt16LE(20, 4);
      h.writeUInt16LE(20, 6);
      h.writeUInt16LE(FLAGS, 8);
      h.writeUInt16LE(8, 10);
      h.writeUInt16LE(0, 12);
      h.writeUInt16LE(DOS_DATE_1980_01_01, 14);
      h.writeUInt32LE(e.crc, 16);
      h.writeUInt32LE(e.compressed, 20);
      h.writeUInt32LE(e.size, 24);
      h.writeUInt16LE(e.name.length, 28);
      h.writeUInt32LE(e.offset, 42);
      await this.write(Buffer.concat([h, e.name]));
    }
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(this.entries.length, 8);
    end.writeUInt16LE(this.entries.length, 10);
    end.writeUInt32LE(this.offset - start, 12);
    end.writeUInt32LE(start, 16);
    await this.write(end);
  }
}
