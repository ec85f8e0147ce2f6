// Inspection of an uploaded .xlsx before any parser sees it: the zip central
// directory is read by hand so entry counts and declared sizes are checked first,
// then every entry is inflated with a hard output cap (declared sizes can lie),
// which also proves the archive is readable. Only then is it handed to exceljs.
import { inflateRawSync } from 'node:zlib';
import { corrupt, encrypted, notXlsx, tooLarge } from './excel.errors.js';
import { MAX_CELLS, MAX_COMPRESSION_RATIO, MAX_UNCOMPRESSED_BYTES, MAX_ZIP_ENTRIES } from './excel.limits.js';

export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  uncompressedSize: number;
  localOffset: number;
}

/** OLE compound file: legacy .xls or an encrypted (password-protected) OOXML package. */
const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/** Central directory entries; throws notXlsx/corrupt when it is not a readable zip. */
export function readCentralDirectory(buf: Buffer): ZipEntry[] {
  if (buf.length < 22 || buf.readUInt32LE(0) !== LOCAL) throw notXlsx();
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--)
    if (buf.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  if (eocd < 0) throw corrupt();
  const count = buf.readUInt16LE(eocd + 10);
  const size = buf.readUInt32LE(eocd + 12);
  const offset = buf.readUInt32LE(eocd + 16);
  // ZIP64 markers: no template comes close; treat as over the limits.
  if (count === 0xffff || offset === 0xffffffff) throw tooLarge('entries');
  if (count > MAX_ZIP_ENTRIES) throw tooLarge('entries');
  if (offset + size > buf.length) throw corrupt();
  const entries: ZipEntry[] = [];
  let p = offset;
  for (let n = 0; n < count; n++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== CENTRAL) throw corrupt();
    const nameLen = buf.readUInt16LE(p + 28);
    entries.push({
      flags: buf.readUInt16LE(p + 8),
      method: buf.readUInt16LE(p + 10),
      compressedSize: buf.readUInt32LE(p + 20),
      uncompressedSize: buf.readUInt32LE(p + 24),
      localOffset: buf.readUInt32LE(p + 42),
      name: buf.toString('utf8', p + 46, p + 46 + nameLen),
    });
    p += 46 + nameLen + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
  }
  return entries;
}

/** The uncompressed bytes of one entry, never more than its declared size. */
export function inflateEntry(buf: Buffer, e: ZipEntry): Buffer {
  const p = e.localOffset;
  if (p + 30 > buf.length || buf.readUInt32LE(p) !== LOCAL) throw corrupt();
  const start = p + 30 + buf.readUInt16LE(p + 26) + buf.readUInt16LE(p + 28);
  const data = buf.subarray(start, start + e.compressedSize);
  if (data.length !== e.compressedSize) throw corrupt();
  let out: Buffer;
  if (e.method === 0) out = data;
  else if (e.method === 8) {
    try {
      out = inflateRawSync(data, { maxOutputLength: Math.max(1, e.uncompressedSize) });
    } catch (err) {
      if (err instanceof RangeError) throw tooLarge('uncompressed');
      throw corrupt();
    }
  } else throw corrupt();
  if (out.length !== e.uncompressedSize) throw corrupt();
  return out;
}

const countCells = (xml: Buffer): number => {
  let n = 0;
  for (let i = xml.indexOf('<c'); i >= 0; i = xml.indexOf('<c', i + 2)) {
    const next = xml[i + 2];
    if (next === 0x20 || next === 0x3e || next === 0x2f) n++; // "<c ", "<c>", "<c/"
  }
  return n;
};

/**
 * Refuses anything that is not a plain, reasonably sized .xlsx. Throws the matching
 * AppError (not a workbook, encrypted, corrupt, over the limits); returns the entries.
 */
export function inspectXlsx(buf: Buffer, fileName = ''): ZipEntry[] {
  // An OLE file is a legacy .xls or a password-protected .xlsx: the name tells them apart.
  if (buf.length >= 8 && buf.subarray(0, 8).equals(OLE)) throw /\.xls$/i.test(fileName) ? notXlsx('xls') : encrypted();
  const entries = readCentralDirectory(buf);
  const names = new Set(entries.map((e) => e.name));
  if (names.has('mimetype') && names.has('content.xml')) throw notXlsx('ods');
  if (!names.has('[Content_Types].xml') || !names.has('xl/workbook.xml')) throw notXlsx();
  let total = 0;
  for (const e of entries) {
    if (e.flags & 0x1) throw encrypted();
    total += e.uncompressedSize;
    if (total > MAX_UNCOMPRESSED_BYTES) throw tooLarge('uncompressed');
    if (e.uncompressedSize > 1024 * 1024 && e.uncompressedSize > e.compressedSize * MAX_COMPRESSION_RATIO)
      throw tooLarge('ratio');
  }
  let cells = 0;
  for (const e of entries) {
    const bytes = inflateEntry(buf, e);
    if (/^xl\/worksheets\/[^/]+\.xml$/.test(e.name)) {
      cells += countCells(bytes);
      if (cells > MAX_CELLS) throw tooLarge('cells');
    }
  }
  return entries;
}
