/**
 * A registry session over one registry folder on disk, as a site's index.json offering just that
 * folder would give it: what every Node registry bench opens.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { RegistrySession } from '../../src/core/registry/session';

export function folderSession(folder: string): { session: RegistrySession; root: string; id: string } {
  const root = pathToFileURL(path.dirname(folder) + '/').href;
  const id = path.basename(folder);
  const session = new RegistrySession(async (url) => {
    if (url.endsWith('/index.json')) {
      return new TextEncoder().encode(JSON.stringify({ registries: [{ id, path: `${id}/`, title: { en: id, zh: id }, description: { en: 'benchmark', zh: '基准测试' } }] }));
    }
    return new Uint8Array(await readFile(fileURLToPath(url)));
  });
  return { session, root, id };
}
