import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { z } from 'zod';
import type { ResultRow } from './results-table';
import { formatKb } from './stats';

/** The figures for Pipedrive's tutorial app (`/`): we cannot build it offline. */
const TUTORIAL_JS_BYTES = 103 * 1024;
const TUTORIAL_CSS_BYTES = 31 * 1024;
/** `/` before the softphone (bench/RESULTS.md at a1c3e0c): real calls must not make it grow. */
const BEFORE_SOFTPHONE_JS_BYTES = 131.7 * 1024;

const buildManifestSchema = z.object({
  pages: z.record(z.string(), z.array(z.string())),
  polyfillFiles: z.array(z.string()).default([]),
  rootMainFiles: z.array(z.string()).default([]),
});

export interface PageWeight {
  jsBytes: number;
  cssBytes: number;
  /** Gzipped JS of the page's own chunks (not shared through `_app`). */
  ownJsBytes: number;
  files: number;
}

const gzippedSize = (path: string) => gzipSync(readFileSync(path), { level: 9 }).byteLength;

/**
 * What a browser downloads for `page` on first load, as Next's "First Load JS" counts it: the
 * `_app` chunks plus the page's chunks (and root main files), each file once, gzip level 9.
 * Polyfills (nomodule) and the low-priority build manifests are left out, as Next does.
 */
export function measurePageWeight(root: string, page = '/'): PageWeight {
  const manifest = buildManifestSchema.parse(JSON.parse(readFileSync(join(root, '.next', 'build-manifest.json'), 'utf8')));
  const pageFiles = manifest.pages[page];
  if (pageFiles === undefined) throw new Error(`${page} is not in .next/build-manifest.json`);
  const appFiles = manifest.pages['/_app'] ?? [];
  const files = [...new Set([...manifest.rootMainFiles, ...appFiles, ...pageFiles])];
  const size = (file: string) => gzippedSize(join(root, '.next', file));
  const sum = (list: string[]) => list.reduce((total, file) => total + size(file), 0);
  const own = pageFiles.filter((file) => file.endsWith('.js') && !appFiles.includes(file) && !manifest.rootMainFiles.includes(file));
  return {
    jsBytes: sum(files.filter((file) => file.endsWith('.js'))),
    cssBytes: sum(files.filter((file) => file.endsWith('.css'))),
    ownJsBytes: sum(own),
    files: files.length,
  };
}

function difference(ours: number, theirs: number): string {
  const delta = ours - theirs;
  const percent = ((delta / theirs) * 100).toFixed(0);
  return delta <= 0 ? `${formatKb(-delta)} (${-Number(percent)} %) below the tutorial` : `${formatKb(delta)} (${percent} %) above the tutorial`;
}

export function bundleSizeRows(root: string): ResultRow[] {
  const weight = measurePageWeight(root);
  return [
    {
      benchmark: 'Window bundle',
      metric: 'JS loaded by `/`, gzipped (first load)',
      figure: formatKb(weight.jsBytes),
      target: '≤ 103 KB (tutorial app, issue figure)',
      met: weight.jsBytes <= TUTORIAL_JS_BYTES,
      note: `${difference(weight.jsBytes, TUTORIAL_JS_BYTES)}; page's own chunks ${formatKb(weight.ownJsBytes)}; ${weight.files} files`,
    },
    {
      benchmark: 'Window bundle',
      metric: 'JS loaded by `/` with the softphone (loaded only for provider sip)',
      figure: formatKb(weight.jsBytes),
      target: '≤ 131.7 KB (before real calls)',
      met: weight.jsBytes <= BEFORE_SOFTPHONE_JS_BYTES,
      note: `${weight.jsBytes <= BEFORE_SOFTPHONE_JS_BYTES ? 'within' : 'above'} the figure before the softphone by ${formatKb(Math.abs(weight.jsBytes - BEFORE_SOFTPHONE_JS_BYTES))}`,
    },
    {
      benchmark: 'Window bundle',
      metric: 'CSS loaded by `/`, gzipped',
      figure: formatKb(weight.cssBytes),
      target: 'tutorial: 31 KB (Bootstrap), for comparison',
      met: null,
      note: difference(weight.cssBytes, TUTORIAL_CSS_BYTES),
    },
  ];
}
