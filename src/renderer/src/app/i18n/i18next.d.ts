// Typed translation keys: `t('cloud.email')` is checked against the English strings.
import type apiKeysEn from '@renderer/features/api-keys/i18n/en';
import type connectionsEn from '@renderer/features/connections/i18n/en';
import type commonEn from '@renderer/i18n/common-en';
import type errorsEn from '@renderer/i18n/errors-en';

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
