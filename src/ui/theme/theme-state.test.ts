import { describe, expect, it } from 'vitest';
import { applyTheme, themeReducer } from './theme-state';

describe('themeReducer', () => {
  it('follows live changes from Pipedrive', () => {
    expect(themeReducer('light', { type: 'host-changed', theme: 'dark' })).toBe('dark');
    expect(themeReducer('dark', { type: 'host-changed', theme: 'light' })).toBe('light');
  });

  it('ignores unknown values from the host', () => {
    expect(themeReducer('dark', { type: 'host-changed', theme: 'solarized' })).toBe('dark');
    expect(themeReducer('light', { type: 'host-changed', theme: undefined })).toBe('light');
  });

  it('takes a new page theme', () => {
    expect(themeReducer('light', { type: 'page-theme', theme: 'dark' })).toBe('dark');
  });
});

describe('applyTheme', () => {
  it('sets data-theme and color-scheme on the root element', () => {
    const root = { dataset: {} as Record<string, string>, style: { colorScheme: '' } };
    applyTheme(root as unknown as HTMLElement, 'dark');
    expect(root.dataset.theme).toBe('dark');
    expect(root.style.colorScheme).toBe('dark');
  });
});
