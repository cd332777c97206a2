import type { RealtimeStatus } from '@/ui/realtime/realtime-connection';
import type { Availability } from '@/ui/realtime/use-availability';

const PRESENCE_TEXT: Record<RealtimeStatus, string> = {
  connecting: 'Connecting…',
  online: 'Online',
  offline: 'Offline',
};

const DO_NOT_DISTURB = 'Do not disturb';

/**
 * The header's presence: the connection state, and once connected the agent's availability as a
 * small select ("Available" / "Do not disturb", amber dot) shared by all their tabs.
 */
export function AvailabilityStatus({ status, availability }: { status: RealtimeStatus; availability: Availability }) {
  const { available, pending, failed, choose } = availability;
  const isOnline = status === 'online' && available !== null;
  return (
    <div className="presence-area">
      <span className="presence" data-status={status} data-availability={available === false ? 'dnd' : 'available'}>
        {isOnline ? (
          <select
            className="availability-select"
            aria-label="Availability"
            value={available ? 'available' : 'dnd'}
            disabled={pending}
            onChange={(event) => choose(event.target.value === 'available')}
          >
            <option value="available">Available</option>
            <option value="dnd">{DO_NOT_DISTURB}</option>
          </select>
        ) : (
          PRESENCE_TEXT[status]
        )}
      </span>
      {failed && (
        <span className="inline-error presence-error" role="alert">
          Not saved
        </span>
      )}
    </div>
  );
}
