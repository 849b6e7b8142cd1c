import { createTheme, type MantineThemeOverride } from '@mantine/core';
import type { TFunction } from 'i18next';

/**
 * The one theme of Kontor, light and dark; blue 7 on white keeps text contrast above WCAG AA.
 * Built with the translator so that the components' own labels (password toggle, close
 * buttons) speak the user's language too.
 */
export function kontorTheme(t: TFunction): MantineThemeOverride {
  return createTheme({
    primaryColor: 'blue',
    primaryShade: { light: 7, dark: 5 },
    defaultRadius: 'md',
    fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif',
    headings: { fontWeight: '650' },
    focusRing: 'auto',
    components: {
      PasswordInput: { defaultProps: { visibilityToggleButtonProps: { 'aria-label': t('common.togglePassword') } } },
      Modal: { defaultProps: { closeButtonProps: { 'aria-label': t('common.close') } } },
      Drawer: { defaultProps: { closeButtonProps: { 'aria-label': t('common.close') } } },
      Notification: { defaultProps: { closeButtonProps: { 'aria-label': t('common.close') } } },
    },
  });
}
