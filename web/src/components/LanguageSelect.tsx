import { Select, type SelectProps } from '@mantine/core';
import { LANGUAGES } from '../i18n/languages';

/** Every interface language, each named in its own language (the API accepts the same codes). */
const OPTIONS = LANGUAGES.map((language) => ({ value: language.code, label: language.name }));

/** A choice of interface language; give it a `label` (or an `aria-label` where the page shows none). */
export function LanguageSelect(props: Omit<SelectProps, 'data'>) {
  return <Select data={OPTIONS} allowDeselect={false} {...props} />;
}
