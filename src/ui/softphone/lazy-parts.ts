/**
 * The softphone's screens, each its own chunk: the window's first load stays as it was, and only
 * windows on the `sip` provider ever fetch them.
 */
import { lazy } from 'react';

export const LazyInCallControls = lazy(() => import('./in-call-controls'));
export const LazySipAccountSection = lazy(() => import('@/ui/settings/sip-account-section'));
