import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { RealtimeStatus } from '@/ui/realtime/realtime-connection';
import type { Availability } from '@/ui/realtime/use-availability';
import { AvailabilityStatus } from './availability-status';

function render(status: RealtimeStatus, availability: Partial<Availability> = {}) {
  return renderToStaticMarkup(<AvailabilityStatus status={status} availability={{ available: true, pending: false, failed: false, choose: () => undefined, ...availability }} />);
}

describe('AvailabilityStatus', () => {
  it('offers "Available" and "Do not disturb" once connected, with an accessible name', () => {
    const html = render('online');
    expect(html).toContain('data-status="online" data-availability="available"');
    expect(html).toContain('<select class="availability-select" aria-label="Availability">');
    expect(html).toContain('<option value="available" selected="">Available</option><option value="dnd">Do not disturb</option>');
  });

  it('says "Do not disturb" (amber dot) while the agent chose it, and locks the select while saving', () => {
    const html = render('online', { available: false, pending: true });
    expect(html).toContain('data-availability="dnd"');
    expect(html).toContain('disabled=""');
    expect(html).toContain('<option value="dnd" selected="">Do not disturb</option>');
  });

  it('shows the connection state while not connected or not known yet, and a failed change', () => {
    expect(render('connecting')).toContain('>Connecting…</span>');
    expect(render('offline', { available: false })).toContain('data-status="offline" data-availability="dnd">Offline</span>');
    expect(render('online', { available: null })).toContain('>Online</span>');
    expect(render('online', { failed: true })).toContain('role="alert">Not saved</span>');
    expect(render('online')).not.toContain('role="alert"');
  });
});
