import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { isLanguage, LANGUAGES, type LanguageCode } from './languages';

// Each area of the app keeps its strings in its own file per language: locales/<language>/<area>.json.
const files = import.meta.glob<{ default: Record<string, unknown> }>('./locales/*/*.json', { eager: true });

function resources(): Record<string, { translation: Record<string, unknown> }> {
  const all: Record<string, { translation: Record<string, unknown> }> = {};
  for (const { code } of LANGUAGES) all[code] = { translation: {} };
  for (const [path, file] of Object.entries(files)) {
    const code = path.split('/')[2] ?? '';
    const bundle = all[code];
    if (bundle) Object.assign(bundle.translation, file.default);
  }
  return all;
}

const STORED = 'kontor.language';

/** Before sign-in: the language chosen on this device, else the browser's, else English. */
function initialLanguage(): LanguageCode {
  try {
    const stored = window.localStorage.getItem(STORED);
    if (isLanguage(stored)) return stored;
  } catch {
    // No storage: fall through to the browser's languages.
  }
  for (const tag of navigator.languages) {
    const base = tag.toLowerCase().split('-')[0];
    if (base === 'no' || base === 'nn') return 'nb';
    if (isLanguage(base)) return base;
  }
  return 'en';
}

void i18next.use(initReactI18next).init({
  resources: resources(),
  lng: initialLanguage(),
  fallbackLng: 'en',
  interpolation: { escapeValue: false },
  returnNull: false,
});

/** Switches the interface language and remembers it on this device. */
export function switchLanguage(code: string): void {
  if (!isLanguage(code)) return;
  try {
    window.localStorage.setItem(STORED, code);
  } catch {
    // Kept for this tab only.
  }
  document.documentElement.lang = code;
  if (i18next.language !== code) void i18next.changeLanguage(code);
}

document.documentElement.lang = i18next.language;

export default i18next;
