import type { Contact } from '@/ui/api-types';
import { ContactRow } from './contact-row';

export interface ContactListProps {
  contacts: readonly Contact[];
  onCall: (contact: Contact) => void;
  /** Accessible name of the list ("Contacts", "Search results"). */
  label: string;
  isStale?: boolean;
}

/** Renders what is loaded, nothing more; rows are memoized and keyed by person id. */
export function ContactList({ contacts, onCall, label, isStale = false }: ContactListProps) {
  if (contacts.length === 0) return null;
  return (
    <ul className="contact-list" aria-label={label} aria-busy={isStale || undefined} data-stale={isStale || undefined}>
      {contacts.map((contact) => (
        <ContactRow key={contact.id} contact={contact} onCall={onCall} />
      ))}
    </ul>
  );
}
