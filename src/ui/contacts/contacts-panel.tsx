import { useCallback, useId, useMemo, useRef } from 'react';
import type { ApiClient } from '@/ui/api-client';
import type { Contact } from '@/ui/api-types';
import { ContactList } from './contact-list';
import { describeContactsView } from './contacts-view';
import { LoadMore } from './load-more';
import { useContactDirectory } from './use-contact-directory';
import { useContactSearch } from './use-contact-search';

export interface ContactsPanelProps {
  api: ApiClient;
  onCall: (contact: Contact) => void;
}

export function ContactsPanel({ api, onCall }: ContactsPanelProps) {
  const directory = useContactDirectory(api);
  const search = useContactSearch(api);
  const scrollRef = useRef<HTMLDivElement>(null);
  const searchId = useId();
  const view = useMemo(() => describeContactsView(directory.state, search.state), [directory.state, search.state]);
  const { reload } = directory;
  const { retry: retrySearch } = search;
  const retry = useCallback(() => (view.retry === 'search' ? retrySearch() : reload()), [view.retry, retrySearch, reload]);

  return (
    <section className="contacts-panel" aria-label="Contacts">
      <div className="search">
        <label htmlFor={searchId} className="visually-hidden">
          Search contacts
        </label>
        <input
          id={searchId}
          className="input"
          type="search"
          placeholder="Search by name or number"
          autoComplete="off"
          spellCheck={false}
          value={search.state.term}
          onChange={(event) => search.setTerm(event.target.value)}
        />
      </div>
      <div className="contacts-scroll" ref={scrollRef}>
        <div className={view.isError ? 'panel-message error' : 'panel-message'} role="status" aria-live="polite">
          {view.message}
        </div>
        {view.retry !== null && (
          <button type="button" className="button secondary retry" onClick={retry}>
            Try again
          </button>
        )}
        <ContactList contacts={view.contacts} onCall={onCall} label={view.listLabel} isStale={view.isStale} />
        {view.loadMore && (
          <LoadMore
            onLoadMore={directory.loadMore}
            isLoading={view.loadMore.isLoading}
            error={view.loadMore.error}
            scrollRoot={scrollRef}
          />
        )}
      </div>
    </section>
  );
}
