/**
 * The softphone's parts, each a lazy chunk: the window's first load stays as it was, and only
 * windows on the `sip` provider ever fetch them.
 */
import { lazy } from 'react';

export const LazySoftphoneLayer = lazy(() => import('./softphone-layer'));
export const LazyInCallControls = lazy(() => import('./in-call-controls'));
export const LazySipAccountSection = lazy(() => import('@/ui/settings/sip-account-section'));
