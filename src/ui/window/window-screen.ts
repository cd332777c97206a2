/**
 * Which screen the window shows. The call itself (dialer, ringing, in call, wrap-up) plugs in here
 * as more screens and actions; components only dispatch intents.
 */
import type { Contact } from '../api-types';

export interface DialTarget {
  number: string;
  contact?: Contact;
}

export type WindowScreen = { name: 'home' } | { name: 'dialing'; target: DialTarget };

export type WindowScreenAction = { type: 'dial'; target: DialTarget } | { type: 'back-home' };

export const HOME: WindowScreen = { name: 'home' };

export function windowScreenReducer(screen: WindowScreen, action: WindowScreenAction): WindowScreen {
  switch (action.type) {
    case 'dial':
      // One call at a time: a second click while dialing is ignored.
      if (screen.name !== 'home' || action.target.number.trim() === '') return screen;
      return { name: 'dialing', target: action.target };
    case 'back-home':
      return screen.name === 'home' ? screen : HOME;
  }
}
