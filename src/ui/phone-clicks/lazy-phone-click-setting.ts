import { lazy } from 'react';

/** Only the Settings tab shows it: a chunk of its own keeps it out of the window's first load. */
export const LazyPhoneClickSetting = lazy(() => import('./phone-click-setting').then((module) => ({ default: module.PhoneClickSetting })));
