import type { RegistrationState } from './softphone-types';

/** One line for the window header: is the softphone ready, and if not, why. */
export function phoneStatusText(registration: RegistrationState): string | null {
  switch (registration.status) {
    case 'idle':
      return null;
    case 'connecting':
      return 'Connecting phone…';
    case 'registered':
      return 'Phone ready';
    case 'refused':
    case 'unreachable':
    case 'unavailable':
      return registration.message;
  }
}

export function PhoneStatus({ registration }: { registration: RegistrationState }) {
  const text = phoneStatusText(registration);
  if (text === null) return null;
  const problem = registration.status === 'refused' || registration.status === 'unreachable';
  return (
    <p className={problem ? 'phone-status notice warning' : 'phone-status muted'} role={problem ? 'alert' : 'status'} data-status={registration.status}>
      {text}
    </p>
  );
}
