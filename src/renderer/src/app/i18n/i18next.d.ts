// Typed translation keys: `t('cloud.email')` is checked against the English strings.
import type { catalogs } from '@renderer/app/i18n/catalogs';
import type commonEn from '@renderer/i18n/common-en';
import type errorsEn from '@renderer/i18n/errors-en';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'common';
    resources: (typeof catalogs)['en'] & {
      common: typeof commonEn;
      errors: typeof errorsEn;
    };
  }
}
