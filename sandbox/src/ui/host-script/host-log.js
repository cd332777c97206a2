// A short, bounded record of what crossed the host <-> app boundary, exposed for tests as
// window.__sandboxHost.log. Entries: { kind: 'command'|'listener'|'track'|'event'|'rejected', name, ... }.
const LIMIT = 200;

export function createHostLog() {
  const entries = [];
  return {
    entries,
    add(entry) {
      entries.push(entry);
      if (entries.length > LIMIT) entries.splice(0, entries.length - LIMIT);
    },
  };
}
