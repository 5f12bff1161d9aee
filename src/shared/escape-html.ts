// Text put into an HTML page that we write by hand (the identity provider's sign-in page, the
// loopback listener's answer): every character with a meaning in HTML is escaped.
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (character) => ENTITIES[character] ?? character);
