import { readFile } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { fileURLToPath } from 'node:url';

/** Browser files served as-is: the host script modules and the stylesheet. */
const ASSET_DIRS: Record<string, URL> = {
  'host-script': new URL('./host-script/', import.meta.url),
  styles: new URL('./styles/', import.meta.url),
};

const TYPES: Record<string, string> = {
  js: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
};

/** `/ui/assets/host-script/main.js`, `/ui/assets/host.css` → file, or false when unknown. */
export async function serveAsset(res: ServerResponse, pathname: string): Promise<boolean> {
  const match = /^\/ui\/assets\/(?:(host-script)\/)?([a-z0-9-]+)\.(js|css)$/.exec(pathname);
  if (!match) return false;
  const [, folder, name, ext] = match;
  const dir = folder === 'host-script' ? ASSET_DIRS['host-script'] : ASSET_DIRS.styles;
  if (!dir || !name || !ext || (folder === 'host-script') !== (ext === 'js')) return false;
  let content: Buffer;
  try {
    content = await readFile(fileURLToPath(new URL(`${name}.${ext}`, dir)));
  } catch {
    return false;
  }
  res.writeHead(200, {
    'content-type': TYPES[ext] ?? 'application/octet-stream',
    'cache-control': 'no-cache',
    'x-content-type-options': 'nosniff',
  });
  res.end(content);
  return true;
}
