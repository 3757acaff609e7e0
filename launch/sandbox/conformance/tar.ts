// A minimal reader for the npm-style .tgz FHIR packages (ustar, regular files only): enough to read their JSON
// without unpacking to disk or adding a dependency.
import { gunzipSync } from 'node:zlib';

function field(block: Buffer, start: number, length: number): string {
  const raw = block.subarray(start, start + length);
  const end = raw.indexOf(0);
  return raw.subarray(0, end === -1 ? raw.length : end).toString('utf8');
}

/** Every regular file in the archive, by its path ("package/StructureDefinition-x.json"). */
export function readTgz(bytes: Buffer): Map<string, Buffer> {
  const tar = gunzipSync(bytes);
  const files = new Map<string, Buffer>();
  let offset = 0;
  let longName: string | undefined;
  while (offset + 512 <= tar.length) {
    const header = tar.subarray(offset, offset + 512);
    if (header.every((b) => b === 0)) break;
    const name = field(header, 0, 100);
    const prefix = field(header, 345, 155);
    const size = parseInt(field(header, 124, 12).trim() || '0', 8);
    const type = String.fromCharCode(header[156] ?? 48);
    const body = tar.subarray(offset + 512, offset + 512 + size);
    if (type === 'L') longName = body.toString('utf8').replace(/\0+$/, '');
    else {
      if (type === '0' || type === '\0') files.set(longName ?? (prefix ? `${prefix}/${name}` : name), Buffer.from(body));
      longName = undefined;
    }
    offset += 512 + Math.ceil(size / 512) * 512;
  }
  return files;
}
