import { useEffect, useState } from 'react';
import type { VisibilityChange } from './sdk-messages';
import { useSdk } from './sdk-context';

/**
 * The latest visibility event. Its context may carry a number (a phone-number click in Pipedrive);
 * the Dialer reads it from here.
 */
export function useVisibility(): VisibilityChange | null {
  const { sdk } = useSdk();
  const [visibility, setVisibility] = useState<VisibilityChange | null>(null);
  useEffect(() => sdk?.onVisibility(setVisibility), [sdk]);
  return visibility;
}
