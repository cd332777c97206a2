import { lazy } from 'react';

/** Mounted only during a call: a chunk of its own keeps it out of the window's first load. */
export const LazyMissedDuringCallNotice = lazy(() => import('./missed-during-call-notice').then((module) => ({ default: module.MissedDuringCallNotice })));
