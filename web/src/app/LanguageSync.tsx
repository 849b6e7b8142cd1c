import { useEffect } from 'react';
import { switchLanguage } from '../i18n';
import { useViewer } from '../lib/viewer';

/** Signed in, the interface speaks the language of the person's profile. */
export function LanguageSync() {
  const locale = useViewer()?.user?.locale;
  useEffect(() => {
    if (locale) switchLanguage(locale);
  }, [locale]);
  return null;
}
