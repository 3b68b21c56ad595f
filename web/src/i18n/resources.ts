import { appEn } from '../app/messages.en.ts';
import { appZh } from '../app/messages.zh.ts';
import { componentsEn } from '../components/messages.en.ts';
import { componentsZh } from '../components/messages.zh.ts';
import { accountEn } from '../features/account/messages.en.ts';
import { accountZh } from '../features/account/messages.zh.ts';
import { atlasEn } from '../features/atlas/messages.en.ts';
import { atlasZh } from '../features/atlas/messages.zh.ts';
import { diagnoseEn } from '../features/diagnose/messages.en.ts';
import { diagnoseZh } from '../features/diagnose/messages.zh.ts';
import { homeEn } from '../features/home/messages.en.ts';
import { homeZh } from '../features/home/messages.zh.ts';
import { organisationEn } from '../features/organisation/messages.en.ts';
import { organisationZh } from '../features/organisation/messages.zh.ts';
import { planEn } from '../features/plan/messages.en.ts';
import { planZh } from '../features/plan/messages.zh.ts';
import { deliverEn } from '../features/deliver/messages.en.ts';
import { deliverZh } from '../features/deliver/messages.zh.ts';
import { providersEn } from '../features/providers/messages.en.ts';
import { providersZh } from '../features/providers/messages.zh.ts';
import { evaluateEn } from '../features/evaluate/messages.en.ts';
import { evaluateZh } from '../features/evaluate/messages.zh.ts';

/**
 * The messages of each part of the web app, in Chinese and English. A part owns the top-level namespaces of its
 * object (`plan`, `auth`, …); no two parts define the same one (web/src/i18n/resources.test.ts).
 */
export const MESSAGES_BY_PART = {
  app: { zh: appZh, en: appEn },
  components: { zh: componentsZh, en: componentsEn },
  account: { zh: accountZh, en: accountEn },
  atlas: { zh: atlasZh, en: atlasEn },
  diagnose: { zh: diagnoseZh, en: diagnoseEn },
  home: { zh: homeZh, en: homeEn },
  organisation: { zh: organisationZh, en: organisationEn },
  plan: { zh: planZh, en: planEn },
  deliver: { zh: deliverZh, en: deliverEn },
  providers: { zh: providersZh, en: providersEn },
  evaluate: { zh: evaluateZh, en: evaluateEn },
};

/** Every message in Chinese: the namespaces of all parts, merged. */
export const zh = {
  ...appZh,
  ...componentsZh,
  ...accountZh,
  ...atlasZh,
  ...diagnoseZh,
  ...homeZh,
  ...organisationZh,
  ...planZh,
  ...deliverZh,
  ...providersZh,
  ...evaluateZh,
};
export type Messages = typeof zh;

/** Every message in English, with the same keys. */
export const en: Messages = {
  ...appEn,
  ...componentsEn,
  ...accountEn,
  ...atlasEn,
  ...diagnoseEn,
  ...homeEn,
  ...organisationEn,
  ...planEn,
  ...deliverEn,
  ...providersEn,
  ...evaluateEn,
};
