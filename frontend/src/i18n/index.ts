import dayjs from 'dayjs';
import 'dayjs/locale/en';
import 'dayjs/locale/zh-cn';
import localizedFormat from 'dayjs/plugin/localizedFormat';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Translation } from './locales/zh';

dayjs.extend(localizedFormat);
dayjs.extend(utc);
dayjs.extend(timezone);

export const LANGUAGES = ['zh', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

const STORAGE_KEY = 'alliance.language';
const DAYJS_LOCALE: Record<Language, string> = { zh: 'zh-cn', en: 'en' };
const HTML_LANG: Record<Language, string> = { zh: 'zh-CN', en: 'en' };

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

function storedLanguage(): Language {
  try {
    const value = window.localStorage.getItem(STORAGE_KEY);
    return isLanguage(value) ? value : 'zh';
  } catch {
    // Storage can be unavailable (private mode, disabled cookies): Chinese first.
    return 'zh';
  }
}

function applyLanguage(language: Language): void {
  dayjs.locale(DAYJS_LOCALE[language]);
  document.documentElement.lang = HTML_LANG[language];
}

export const initialLanguage = storedLanguage();
applyLanguage(initialLanguage);

// Each language's strings are a chunk of their own, loaded when the language is first used: the first
// screen loads only the active one (the other costs nothing until the user switches).
const STRINGS: Record<Language, () => Promise<Translation>> = {
  zh: () => import('./locales/zh').then((m) => m.zh),
  en: () => import('./locales/en').then((m) => m.en),
};
const loading = new Map<Language, Promise<void>>();

/** Loads a language's strings into i18next once (a failed load is tried again on the next call). */
export function loadLanguage(language: Language): Promise<void> {
  let loaded = loading.get(language);
  if (!loaded) {
    loaded = STRINGS[language]().then((strings) => {
      i18n.addResourceBundle(language, 'translation', strings);
    });
    loaded.catch(() => loading.delete(language));
    loading.set(language, loaded);
  }
  return loaded;
}

void i18n.use(initReactI18next).init({
  resources: {},
  lng: initialLanguage,
  fallbackLng: 'zh',
  supportedLngs: [...LANGUAGES],
  interpolation: { escapeValue: false }, // React escapes already
  returnNull: false,
});

/**
 * The first screen's strings, requested as this module evaluates (in parallel with the rest of the
 * app's code); the app renders nothing until they are there, so there is no flash of the other
 * language or of keys (`AppRouter` waits for it).
 */
export const initialStrings = loadLanguage(initialLanguage).then(async () => {
  // Again, now that its strings are there: i18next resolves the language (`resolvedLanguage`) only then.
  await i18n.changeLanguage(initialLanguage);
});

/** Switches the UI, dayjs and (through the provider) antd, and remembers the choice on this device. */
export async function changeLanguage(language: Language): Promise<void> {
  try {
    window.localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Not persisted, but the switch still applies to this page.
  }
  await loadLanguage(language);
  applyLanguage(language);
  await i18n.changeLanguage(language);
}

export function currentLanguage(): Language {
  return isLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : 'zh';
}

export { i18n };
