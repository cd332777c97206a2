/** The window follows the theme Pipedrive passed on load, then every live change it announces. */
import type { Theme } from '@/ui/page-props';
import { parseTheme } from '@/ui/sdk/sdk-messages';

export type ThemeAction = { type: 'page-theme'; theme: Theme } | { type: 'host-changed'; theme: unknown };

export function themeReducer(current: Theme, action: ThemeAction): Theme {
  const next = action.type === 'page-theme' ? action.theme : parseTheme(action.theme);
  // Unknown values from the host are ignored; an unchanged theme keeps the same state (no render).
  return next ?? current;
}

/** Sets the theme on <html> so the page background and form controls follow it too. */
export function applyTheme(root: HTMLElement, theme: Theme): void {
  root.dataset.theme = theme;
  root.style.colorScheme = theme;
}
