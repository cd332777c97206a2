import { useEffect, useRef, type RefObject } from 'react';

export interface LoadMoreProps {
  onLoadMore: () => void;
  isLoading: boolean;
  /** Set after a failed page: no automatic retries (they would loop), the user retries. */
  error: string | null;
  /** The scrolling element; the button loads the next page as it scrolls into view. */
  scrollRoot: RefObject<HTMLElement | null>;
}

/**
 * A real "Load more" button that doubles as the infinite-scroll sentinel: keyboard and
 * screen-reader users (and browsers without IntersectionObserver) press it, everyone else never
 * sees it for long.
 */
export function LoadMore({ onLoadMore, isLoading, error, scrollRoot }: LoadMoreProps) {
  const buttonRef = useRef<HTMLButtonElement>(null);
  const latest = useRef(onLoadMore);

  useEffect(() => {
    latest.current = onLoadMore;
  }, [onLoadMore]);

  // A fresh observer after each load reports at once whether the button is still in view (a short
  // page does not push it out), so loading continues until the list fills the window.
  const isWatching = !isLoading && error === null;
  useEffect(() => {
    const target = buttonRef.current;
    if (!isWatching || !target || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) latest.current();
      },
      { root: scrollRoot.current, rootMargin: '0px 0px 200px 0px' },
    );
    observer.observe(target);
    return () => observer.disconnect();
  }, [scrollRoot, isWatching]);

  return (
    <div className="load-more">
      {error !== null && (
        <p className="inline-error" role="alert">
          {error}
        </p>
      )}
      <button ref={buttonRef} type="button" className="button secondary" onClick={onLoadMore} disabled={isLoading}>
        {isLoading ? 'Loading more…' : error !== null ? 'Try again' : 'Load more'}
      </button>
    </div>
  );
}
