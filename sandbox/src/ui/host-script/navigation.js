// Pipedrive is a single-page app: moving between pages keeps the floating window (and a call in
// it) alive. The sandbox does the same by swapping <main id="page"> instead of reloading.

export function createNavigation({ onNavigated }) {
  async function navigate(path, { push = true } = {}) {
    try {
      const response = await fetch(path, { headers: { accept: 'text/html' }, credentials: 'same-origin' });
      const doc = new DOMParser().parseFromString(await response.text(), 'text/html');
      const next = doc.getElementById('page');
      const current = document.getElementById('page');
      // Another user (switched in another tab) needs a new iframe and token: reload fully.
      if (!next || !current || doc.body.dataset.userId !== document.body.dataset.userId) {
        window.location.assign(path);
        return;
      }
      current.replaceWith(document.adoptNode(next));
      document.title = doc.title;
      const finalUrl = new URL(response.url);
      if (push) window.history.pushState({}, '', finalUrl.pathname + finalUrl.search);
      window.scrollTo(0, 0);
      onNavigated(finalUrl.pathname + finalUrl.search);
    } catch {
      window.location.assign(path);
    }
  }

  document.addEventListener('click', (event) => {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const anchor = event.target instanceof Element ? event.target.closest('a[href]') : null;
    if (!anchor || anchor.target || anchor.hasAttribute('download') || anchor.hasAttribute('data-full-reload')) return;
    const url = new URL(anchor.href, window.location.href);
    if (url.origin !== window.location.origin) return;
    event.preventDefault();
    void navigate(url.pathname + url.search);
  });
  window.addEventListener('popstate', () => {
    void navigate(window.location.pathname + window.location.search, { push: false });
  });

  return { navigate };
}
