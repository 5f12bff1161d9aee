// Typed translation keys: `t('cloud.email')` is checked against the English strings.
import type apiKeysEn from '../features/api-keys/i18n/en';
import type connectionsEn from '../features/connections/i18n/en';
import type commonEn from './common-en';
import type errorsEn from './errors-en';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'common';
    resources: {
      common: typeof commonEn;
      connections: typeof connectionsEn;
      apiKeys: typeof apiKeysEn;
      errors: typeof errorsEn;
    };
  }
}
