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
    overlapEnded: '“{{old}}” was kept beside its replacement “{{replacement}}” until {{until}}: it can be deleted now',
    showOne: 'Show it',
    moreOverlaps_one: 'and {{count}} more replaced key kept past its date',
    moreOverlaps_other: 'and {{count}} more replaced keys kept past their date',
    settings: 'When to warn…',
    dismiss: 'Hide until the counts change',
  },
};

export default en;
