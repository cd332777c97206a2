import { describe, expect, it } from 'vitest';
import { contact } from '../contacts/test-contacts';
import { HOME, windowScreenReducer } from './window-screen';

describe('windowScreenReducer', () => {
  it('goes from home to dialing and back', () => {
    const target = { number: '+14155550001', contact: contact(1) };
    const dialing = windowScreenReducer(HOME, { type: 'dial', target });
    expect(dialing).toEqual({ name: 'dialing', target });
    expect(windowScreenReducer(dialing, { type: 'back-home' })).toEqual(HOME);
  });

  it('ignores a second dial while a call is being placed, and empty numbers', () => {
    const dialing = windowScreenReducer(HOME, { type: 'dial', target: { number: '111' } });
    expect(windowScreenReducer(dialing, { type: 'dial', target: { number: '222' } })).toBe(dialing);
    expect(windowScreenReducer(HOME, { type: 'dial', target: { number: ' ' } })).toBe(HOME);
  });
});
