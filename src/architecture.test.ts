import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The folder rules of docs/ARCHITECTURE.md, checked on every import of every source file. The full
// rule set (pages, adapters, contract, cycles) is .dependency-cruiser.cjs, run by `npm test` and
// `npm run depcheck`; this quick regex check keeps the core ones inside `vitest --project unit`.
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

interface SourceImport {
  file: string;
  specifier: string;
  /** Resolved repo-relative path for local imports, the package name otherwise. */
  target: string;
  typeOnly: boolean;
}

function sourceFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((entry) => {
    const path = join(folder, entry);
    if (statSync(path).isDirectory()) return entry === 'node_modules' ? [] : sourceFiles(path);
    return /\.(ts|tsx)$/.test(entry) && !entry.endsWith('.d.ts') ? [path] : [];
  });
}

const IMPORT_PATTERN = /^\s*(?:import|export)\s+(type\s+)?(?:[^'"]*?\s+from\s+)?['"]([^'"]+)['"]/gm;

function importsOf(file: string): SourceImport[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(IMPORT_PATTERN)].map((match) => {
    const specifier = match[2]!;
    let target = specifier;
    if (specifier.startsWith('.')) target = relative(ROOT, resolve(dirname(file), specifier));
    else if (specifier.startsWith('@/')) target = join('src', specifier.slice(2));
    return { file: relative(ROOT, file), specifier, target, typeOnly: Boolean(match[1]) };
  });
}

function violations(folder: string, isForbidden: (imported: SourceImport) => boolean): string[] {
  return sourceFiles(join(ROOT, folder))
    .filter((file) => !/\.(int\.)?test\.tsx?$/.test(file) && !file.includes('test-'))
    .flatMap(importsOf)
    .filter(isForbidden)
    .map((imported) => `${imported.file} imports ${imported.specifier}`);
}

const isLocal = (imported: SourceImport) => imported.specifier.startsWith('.') || imported.specifier.startsWith('@/');
// Random ids (node:crypto) are fine anywhere; file, network and process access are not.
const isNodeIo = (imported: SourceImport) => imported.specifier.startsWith('node:') && imported.specifier !== 'node:crypto';

describe('architecture', () => {
  it('keeps the domain plain TypeScript: no framework, no I/O, nothing outside src/domain', () => {
    const allowedPackages = new Set(['libphonenumber-js', 'libphonenumber-js/max', 'libphonenumber-js/min']);
    const found = violations('src/domain', (imported) =>
      isLocal(imported) ? !imported.target.startsWith('src/domain') : !allowedPackages.has(imported.specifier),
    );
    expect(found).toEqual([]);
  });

  it('keeps the application layer free of adapters, server code and frameworks', () => {
    const frameworks = /^(next|react|socket\.io|drizzle-orm|better-sqlite3|pg|pino|twilio|pipedrive|axios)(\/|$)/;
    const found = violations('src/application', (imported) =>
      isLocal(imported) ? /^src\/(adapters|server|ui)\//.test(imported.target) : frameworks.test(imported.specifier) || isNodeIo(imported),
    );
    expect(found).toEqual([]);
  });

  it('keeps the browser code away from server code (types excepted)', () => {
    const found = violations('src/ui', (imported) => !imported.typeOnly && isLocal(imported) && /^src\/(adapters|server)\//.test(imported.target));
    expect(found).toEqual([]);
  });

  it('keeps the sandbox and the app apart: they only talk over HTTP', () => {
    const sandboxReachingApp = violations('sandbox/src', (imported) => isLocal(imported) && !imported.target.startsWith('sandbox/'));
    const appReachingSandbox = [...violations('src', (imported) => imported.target.startsWith('sandbox/')), ...violations('pages', (imported) => imported.target.startsWith('sandbox/'))];
    expect(sandboxReachingApp).toEqual([]);
    expect(appReachingSandbox).toEqual([]);
  });

  it('lets only the Pipedrive gateway folder use the Pipedrive client, and only the SDK wrapper use the SDK', () => {
    const pipedriveClient = [...violations('src', (imported) => /^pipedrive(\/|$)/.test(imported.specifier) && !imported.file.startsWith('src/adapters/pipedrive/')), ...violations('pages', (imported) => /^pipedrive(\/|$)/.test(imported.specifier))];
    const sdk = [...violations('src', (imported) => imported.specifier.startsWith('@pipedrive/app-extensions-sdk') && !imported.file.startsWith('src/ui/sdk/')), ...violations('pages', (imported) => imported.specifier.startsWith('@pipedrive/app-extensions-sdk'))];
    expect(pipedriveClient).toEqual([]);
    expect(sdk).toEqual([]);
  });

  it('keeps telephony providers as plug-ins: one folder each with its plug-in, no folder reaching into another', () => {
    const telephony = join(ROOT, 'src/adapters/telephony');
    const folders = readdirSync(telephony).filter((entry) => statSync(join(telephony, entry)).isDirectory()).sort();
    expect(folders).toEqual(['mock', 'sip', 'twilio', 'webhook']);
    const loose = readdirSync(telephony).filter((entry) => !folders.includes(entry)).sort();
    // Shared by every plug-in: the shape, the registry, the provider names; nothing provider-specific.
    expect(loose).toEqual(['index.ts', 'plugin-registry.test.ts', 'plugin-registry.ts', 'plugin.ts', 'provider-names.ts']);
    for (const folder of folders) expect(readdirSync(join(telephony, folder))).toContain(`${folder}-plugin.ts`);
    const crossing = folders.flatMap((folder) =>
      violations(`src/adapters/telephony/${folder}`, (imported) => {
        const match = /^src\/adapters\/telephony\/([^/]+)\//.exec(imported.target);
        return match !== null && folders.includes(match[1] as string) && match[1] !== folder;
      }),
    );
    expect(crossing).toEqual([]);
  });
});
