import { memo, useId } from 'react';
import type { Contact } from '@/ui/api-types';
import { useFormatPhone } from '@/ui/phone-format/phone-format-context';
import { ContactAvatar } from './contact-avatar';
import { callLabel, contactDetails } from './contact-display';

export interface ContactRowProps {
  contact: Contact;
  /** Must be stable (useCallback): rows are memoized so appending a page renders only new rows. */
  onCall: (contact: Contact) => void;
}

export const ContactRow = memo(function ContactRow({ contact, onCall }: ContactRowProps) {
  const detailsId = useId();
  const formatPhone = useFormatPhone();
  return (
    <li className="contact-row">
      <button
        type="button"
        className="contact-button"
        aria-label={callLabel(contact.name)}
        aria-describedby={detailsId}
        onClick={() => onCall(contact)}
      >
        <ContactAvatar name={contact.name} pictureUrl={contact.pictureUrl} />
        <span className="contact-text">
          <span className="contact-name">{contact.name}</span>
          <span className="contact-details" id={detailsId}>
            {contactDetails(contact, formatPhone)}
          </span>
        </span>
        <PhoneIcon />
      </button>
    </li>
  );
});

export function PhoneIcon() {
  return (
    <svg className="icon" viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false">
      <path
        fill="currentColor"
        d="M6.6 10.8a15.1 15.1 0 0 0 6.6 6.6l2.2-2.2a1 1 0 0 1 1-.25 11.4 11.4 0 0 0 3.6.57 1 1 0 0 1 1 1V20a1 1 0 0 1-1 1A17 17 0 0 1 3 4a1 1 0 0 1 1-1h3.5a1 1 0 0 1 1 1c0 1.25.2 2.45.57 3.6a1 1 0 0 1-.25 1z"
      />
    </svg>
  );
}
