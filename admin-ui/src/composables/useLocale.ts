// The user's language choice: switches vue-i18n, the page's `lang` and remembers the choice in this browser.
import { computed } from 'vue';
import { useI18n } from 'vue-i18n';
import { defaultLocale, isSupportedLocale, type SupportedLocale } from '../i18n';

const storageKey = 'etablerertjenesten.locale';

/** The language chosen earlier in this browser, or bokmål. */
export function storedLocale(): SupportedLocale {
  try {
    const stored = globalThis.localStorage?.getItem(storageKey);
    return isSupportedLocale(stored) ? stored : defaultLocale;
  } catch {
    // Storage can be switched off (private windows, strict settings); the default is then fine.
    return defaultLocale;
  }
}

export function useLocale() {
  const { locale } = useI18n();

  function setLocale(next: SupportedLocale): void {
    locale.value = next;
    try {
      globalThis.localStorage?.setItem(storageKey, next);
    } catch {
      // Not remembering the choice is better than failing the switch.
    }
  }

  return { locale: computed(() => locale.value as SupportedLocale), setLocale };
}
