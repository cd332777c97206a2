/**
 * The layer rules of docs/ARCHITECTURE.md, checked on every import (type-only ones included) by
 * dependency-cruiser: `npm run depcheck`, and first thing in `npm test`.
 * Test files and test doubles may import test tooling; the layer rules hold for them too.
 */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'domain-imports-only-domain',
      comment: 'The domain is plain TypeScript: other domain modules and libphonenumber-js, nothing else (no framework, no I/O).',
      severity: 'error',
      from: { path: '^src/domain/', pathNot: '\\.test\\.tsx?$' },
      to: { pathNot: ['^src/domain/', '^node_modules/libphonenumber-js/'] },
    },
    {
      name: 'application-imports-domain-and-application',
      comment:
        'Use cases and ports import the domain and the application only. Packages: none but libphonenumber-js (via the domain); ' +
        'node:crypto is allowed for random ids (src/application/ports/system).',
      severity: 'error',
      from: { path: '^src/application/', pathNot: '\\.test\\.tsx?$' },
      to: { pathNot: ['^src/(domain|application)/', '^node_modules/libphonenumber-js/', '^crypto$', '^node:crypto$'] },
    },
    {
      name: 'adapters-never-import-server-pages-ui',
      comment: 'Adapters implement ports; the composition root (src/server) wires them, never the other way round.',
      severity: 'error',
      from: { path: '^src/adapters/' },
      to: { path: ['^src/server/', '^pages/', '^src/ui/', '^server\\.ts$'] },
    },
    {
      name: 'pages-import-server-application-ui-contract',
      comment:
        'Routes and pages go through src/server (context, HTTP helpers) to the use cases; they never reach adapters. ' +
        'Packages: Next, React and zod (input schemas at the edge).',
      severity: 'error',
      from: { path: '^pages/', pathNot: '^pages/api/telephony/inbound\\.ts$' },
      to: {
        pathNot: ['^src/(server|application|ui|contract)/', '^node_modules/(next|react|react-dom|zod)/', '^node_modules/@types/(react|react-dom)/'],
        dependencyTypesNot: ['core'],
      },
    },
    {
      name: 'pages-telephony-inbound-exception',
      comment:
        'Named exception: the provider webhook route still builds its handler from src/adapters/telephony (the provider ' +
        'plug-ins work moves it behind src/server). Everything else of the pages rule holds for it.',
      severity: 'error',
      from: { path: '^pages/api/telephony/inbound\\.ts$' },
      to: {
        pathNot: ['^src/(server|application|ui|contract)/', '^src/adapters/telephony/', '^node_modules/(next|react|react-dom|zod)/'],
        dependencyTypesNot: ['core'],
      },
    },
    {
      name: 'ui-never-imports-adapters-or-server',
      comment: 'The browser code talks to the server over HTTP and the socket; the contract (src/contract) is what they share.',
      severity: 'error',
      from: { path: '^src/ui/' },
      to: { path: ['^src/(adapters|server)/', '^server\\.ts$'] },
    },
    {
      name: 'ui-imports-contract-schemas-as-types-only',
      comment: 'The zod files of the contract (*.schema.ts) reach the window as types only: no schema library in the browser bundle.',
      severity: 'error',
      from: { path: '^src/ui/' },
      to: { path: '^src/contract/.+\\.schema\\.ts$', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'contract-imports-only-contract',
      comment: 'The wire contract is shared by server and window: it depends on nothing of either (zod excepted).',
      severity: 'error',
      from: { path: '^src/contract/' },
      to: { pathNot: ['^src/contract/', '^node_modules/zod/'] },
    },
    {
      name: 'sandbox-and-phone-lab-stand-apart',
      comment: 'The sandbox and the phone lab talk to the app over the network only.',
      severity: 'error',
      from: { path: '^(sandbox|phone-lab)/' },
      to: { path: ['^src/', '^pages/', '^server\\.ts$'] },
    },
    {
      name: 'app-does-not-import-sandbox-or-phone-lab',
      severity: 'error',
      from: { path: '^(src|pages)/' },
      to: { path: '^(sandbox|phone-lab)/' },
    },
    {
      name: 'no-circular-domain-application',
      comment: 'The domain and the application have no import cycles.',
      severity: 'error',
      from: { path: '^src/(domain|application)/' },
      to: { circular: true },
    },
    {
      name: 'pipedrive-client-only-in-gateway',
      comment: "Only src/adapters/pipedrive talks to Pipedrive's client library.",
      severity: 'error',
      from: { path: '^(src|pages)/', pathNot: '^src/adapters/pipedrive/' },
      to: { path: '^node_modules/pipedrive/' },
    },
    {
      name: 'sdk-only-in-sdk-wrapper',
      comment: "Only src/ui/sdk uses Pipedrive's app extensions SDK.",
      severity: 'error',
      from: { path: '^(src|pages)/', pathNot: '^src/ui/sdk/' },
      to: { path: '^node_modules/@pipedrive/app-extensions-sdk/' },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      from: { path: '^(src|pages|sandbox|phone-lab)/' },
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['^\\.next/', '^node_modules/', '^tests/\\.artifacts/'] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json', '.d.ts'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
