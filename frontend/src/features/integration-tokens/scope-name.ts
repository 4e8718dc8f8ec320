import type { TFunction } from 'i18next';
import { scopesZh } from '@/i18n/locales/scopes';

type ScopeKey = keyof typeof scopesZh;

function isScopeKey(key: string): key is ScopeKey {
  return Object.prototype.hasOwnProperty.call(scopesZh, key);
}

/** A scope's translated name (`read:alliance` → 读取联盟概况); an unknown scope is shown as sent. */
export function scopeName(t: TFunction, scope: string): string {
  const key = scope.replace(':', '_');
  return isScopeKey(key) ? t(`scopeNames.${key}`) : scope;
}
