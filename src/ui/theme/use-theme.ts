import { useEffect, useReducer } from 'react';
import type { Theme } from '@/ui/page-props';
import { useSdk } from '@/ui/sdk/sdk-context';
import { applyTheme, themeReducer } from './theme-state';

export function useTheme(pageTheme: Theme): Theme {
  const [theme, dispatch] = useReducer(themeReducer, pageTheme);
  const { sdk } = useSdk();

  useEffect(() => dispatch({ type: 'page-theme', theme: pageTheme }), [pageTheme]);
  useEffect(() => sdk?.onThemeChange((next) => dispatch({ type: 'host-changed', theme: next })), [sdk]);
  useEffect(() => applyTheme(document.documentElement, theme), [theme]);
  return theme;
}
