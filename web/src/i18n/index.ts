import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en, zh } from './resources.ts';

export type Language = 'zh' | 'en';
const STORAGE_KEY = 'tupu.lang';

function storedLanguage(): Language {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh';
  } catch {
    return 'zh';
  }
}

void i18n.use(initReactI18next).init({
  resources: { zh: { translation: zh }, en: { translation: en } },
  lng: storedLanguage(),
  fallbackLng: 'zh',
  interpolation: { escapeValue: false },
});

/** Switch the language and remember it in this browser. */
export function setLanguage(lang: Language): void {
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // private mode: the choice lasts for this page only
  }
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  void i18n.changeLanguage(lang);
}

document.documentElement.lang = storedLanguage() === 'zh' ? 'zh-CN' : 'en';
export default i18n;
