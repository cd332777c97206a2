import { ServerRequestError } from './api-client';

/** Human text for a failed request; server messages are shown as text, never as markup. */
export function describeError(error: unknown): string {
  if (error instanceof ServerRequestError) {
    switch (error.code) {
      case 'NETWORK_ERROR':
        return 'Can’t reach the server. Check your connection.';
      case 'PIPEDRIVE_UNREACHABLE':
        return 'Pipedrive didn’t confirm your sign-in. Reopen the window from Pipedrive.';
      case 'ACCOUNT_NOT_INSTALLED':
      case 'ACCOUNT_DISCONNECTED':
        return 'Your Pipedrive account is not connected to this app.';
      default:
        return error.message;
    }
  }
  return 'Something went wrong.';
}
