import type { ProviderCallStatus } from '@/application/ports/telephony-provider.port';

/**
 * A SIP final response (non-2xx) to our INVITE, in our words (docs/REAL-CALLS.md):
 * 486/600 busy, 480/408 nobody answered, 487 we cancelled, 404/484/604 the number does not
 * exist, 603 the far end declined, any other failure is a failure.
 */
export function sipFinalResponseStatus(sipStatus: number): ProviderCallStatus {
  switch (sipStatus) {
    case 486:
    case 600:
      return 'busy';
    case 480:
    case 408:
      return 'no_answer';
    case 487:
      return 'canceled';
    case 404:
    case 484:
    case 604:
      return 'wrong_number';
    case 603:
      return 'declined';
    default:
      return 'failed';
  }
}
