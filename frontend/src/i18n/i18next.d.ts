import 'i18next';
import type { Translation } from './locales/zh';

// Typed keys: `t('nav.profile')` is checked at compile time, and so is every enum value
// in `t(`enums.position.${position}`)`.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Translation };
    returnNull: false;
  }
}
