/** How the figures are made: printed under the table in bench/RESULTS.md (details in bench/README.md). */
export const BENCH_METHOD = `
- **Everything real, on loopback**: the app is its own process (\`node --import tsx server.ts\`,
  production \`next build\`, as \`npm start\`), the Pipedrive sandbox runs in the bench process with
  no added latency, the browser is Debian's Chromium (headless) through playwright-core.
- **Window bundle**: \`.next/build-manifest.json\`, files of \`/_app\` + \`/\` (each once, polyfills
  and low-priority manifests left out, as Next's "First Load JS"), each gzipped at level 9. The
  tutorial's 103 KB JS and 31 KB CSS are the issue's figures: the tutorial cannot be built offline.
- **Floating window load**: the sandbox host page marks \`performance.now()\` when it sets the iframe
  \`src\` and when the app's \`initialize\` message reaches it (\`window.__sandboxHost.timings\`). One
  full page load of \`/persons\` per sample; the first (cold HTTP cache) load is reported apart.
- **Contact search**: sandbox seeded with 10,000 persons; the window's search box is filled with a
  person's full name (spread across the directory); the clock runs inside the iframe from the
  box's first \`input\` event until a non-stale "Search results" list with a row is in the DOM.
  It includes the window's typing debounce (\`SEARCH_DEBOUNCE_MS\`, 150 ms). The first search is a warm-up.
- **Ring latency**: 50 companies x 20 agents = 1,000 window sockets (websocket transport, iframe
  JWTs minted with the JWT secret as Pipedrive signs them). The sandbox holds one company, so the
  bench installs its companies honestly but synthetically: one real OAuth install of sandbox user
  20001 (consent + code exchange over HTTP), then 1,000 accounts written through the app's own
  account repository (tokens encrypted with the app's session secret) into the bench's database.
  Screen-pop lookups of every bench company therefore search the sandbox company's 3,000 persons
  with that user's token; the sandbox's rate limits are multiplied by 51 (one burst window and
  one daily budget per real company). 500 signed \`POST /api/telephony/inbound\` webhooks, one at a
  time, each naming a different agent and bringing a different international caller number (so
  every lookup is uncached); 20 warm-up webhooks first. Latency = webhook sent (bench clock) →
  \`call:ringing\` on the agent's socket (same clock); it includes HTTP, signature check, routing,
  the caller lookup in the sandbox, the database write and the push. One instance: SQLite. Two
  instances: one PostgreSQL schema of their own, a private \`redis-server\` on a free port (pub/sub
  channels are not isolated by Redis database numbers), agents alternate between instances and
  every webhook goes to the instance the agent is *not* on. Calls ring for an hour (no timeouts
  mid-run). RSS: \`VmRSS\` of the app process(es) with all agents connected, largest of before and
  after the webhooks.
- **Caller lookup**: one instance, 200 agents of one bench company, sandbox seeded with 1,000
  persons; 100 warm-up screen-pops (not counted: a running server's code is JIT-compiled), then
  50 screen-pops of 50 other international numbers (uncached), then the same 50 again (cached). Sandbox requests are counted
  and timed inside the sandbox's HTTP server (Node's \`http.server.request.start\` /
  \`response.finish\` diagnostics channels); app time = screen-pop (webhook sent → ring) minus the time
  the sandbox spent serving that screen-pop's requests.
`;
