import { useCallback, useReducer } from 'react';
import { HOME, windowScreenReducer, type DialTarget } from './window-screen';

export function useWindowScreen() {
  const [screen, dispatch] = useReducer(windowScreenReducer, HOME);
  const dial = useCallback((target: DialTarget) => dispatch({ type: 'dial', target }), []);
  const backHome = useCallback(() => dispatch({ type: 'back-home' }), []);
  return { screen, dial, backHome };
}
