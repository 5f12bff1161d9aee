// English strings of the expiry watch (i18next namespace `expiryWatch`). The counts use
// i18next's plural forms (`_one`, `_other`).
const en = {
  banner: {
    label: 'Expiring keys',
    expiring_one: '{{count}} key expires within {{days}} days',
    expiring_other: '{{count}} keys expire within {{days}} days',
    expired_one: '{{count}} key has expired',
    expired_other: '{{count}} keys have expired',
    show: 'Show them',
    settings: 'When to warn…',
    dismiss: 'Hide until the counts change',
  },
};

export default en;
