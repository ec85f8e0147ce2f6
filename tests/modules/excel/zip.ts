// A minimal zip writer for tests: hostile archives (bombs, lying sizes, too many
// entries) and rewriting entries of a real workbook without re-serialising the rest.
import { crc32, deflateRawSync } from 'node:zlib';
import { inflateEntry, readCentralDirectory } from '../../../src/modules/excel/excel.zip.js';

export interface RawEntry {
  name: string;
  data: Buffer;
  /** Overrides the uncompressed size written in the headers (to lie about it). */
  declaredSize?: number;
}

export function writeZip(entries: RawEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const packed = deflateRawSync(e.data);
    const size = e.declaredSize ?? e.data.length;
    const crc = crc32(e.data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, packed);
    centrals.push(central, name);
    offset += local.length + name.length + packed.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

/** Entries of a zip, uncompressed. */
export function readZip(buf: Buffer): RawEntry[] {
  return readCentralDirectory(buf).map((e) => ({ name: e.name, data: inflateEntry(buf, e) }));
}

/** Replaces strings in every XML entry, leaving everything else as it was written. */
export function replaceInZip(buf: Buffer, replacements: Record<string, string>): Buffer {
  return writeZip(
    readZip(buf).map((e) => {
      if (!e.name.endsWith('.xml')) return e;
      let text = e.data.toString('utf8');
      for (const [from, to] of Object.entries(replacements)) text = text.split(from).join(to);
      return { name: e.name, data: Buffer.from(text, 'utf8') };
    }),
  );
}
