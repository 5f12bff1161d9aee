// The words of the expiry watch's system notifications, in KeyDesk's language (the main
// process has no i18n catalogs; like the menu, it keeps its few sentences here). A notice
// names up to three keys by title, with the date when it names one.
import type { ExpiryNotice, OverlapNotice } from '../shared/expiry-watch';
import type { Settings } from '../shared/settings';

type Language = Settings['language'];
const NAMED = 3;

function day(iso: string, language: Language): string {
  return new Intl.DateTimeFormat(language === 'fr' ? 'fr-CA' : 'en-CA', { dateStyle: 'long' }).format(new Date(iso));
}

function quoted(title: string, language: Language): string {
  return language === 'fr' ? `« ${title} »` : `“${title}”`;
}

/** “A”, “B”, “C” and 2 more. */
function someTitles(notice: ExpiryNotice, language: Language): string {
  const named = notice.keys.slice(0, NAMED).map((key) => quoted(key.title, language));
  const more = notice.keys.length - named.length;
  const and = language === 'fr' ? ' et ' : ' and ';
  if (more > 0) return `${named.join(', ')}${and}${more} ${language === 'fr' ? (more === 1 ? 'autre' : 'autres') : 'more'}.`;
  return `${named.slice(0, -1).join(', ')}${named.length > 1 ? and : ''}${named.at(-1) ?? ''}.`;
}

export function expiryNoticeText(notice: ExpiryNotice, language: Language): { title: string; body: string } {
  const organization = notice.organization.name;
  const count = notice.keys.length;
  const [only] = notice.keys;
  if (language === 'fr') {
    if (notice.kind === 'expiring') {
      return count === 1 && only
        ? { title: `Une clé d’API expire bientôt — ${organization}`, body: `${quoted(only.title, language)} expire le ${day(only.expirationDate, language)}.` }
        : { title: `${count} clés d’API expirent d’ici ${notice.warningDays} jours — ${organization}`, body: someTitles(notice, language) };
    }
    return count === 1 && only
      ? { title: `Une clé d’API a expiré — ${organization}`, body: `${quoted(only.title, language)} a expiré le ${day(only.expirationDate, language)}.` }
      : { title: `${count} clés d’API ont expiré — ${organization}`, body: someTitles(notice, language) };
  }
  if (notice.kind === 'expiring') {
    return count === 1 && only
      ? { title: `An API key expires soon — ${organization}`, body: `${quoted(only.title, language)} expires on ${day(only.expirationDate, language)}.` }
      : { title: `${count} API keys expire within ${notice.warningDays} days — ${organization}`, body: someTitles(notice, language) };
  }
  return count === 1 && only
    ? { title: `An API key has expired — ${organization}`, body: `${quoted(only.title, language)} expired on ${day(only.expirationDate, language)}.` }
    : { title: `${count} API keys have expired — ${organization}`, body: someTitles(notice, language) };
}

/** A rotation's overlap ended: the old key, kept until a date now past, should be deleted. */
export function overlapNoticeText(notice: OverlapNotice, language: Language): { title: string; body: string } {
  const organization = notice.organization.name;
  const [only] = notice.overlaps;
  const count = notice.overlaps.length;
  if (language === 'fr') {
    return count === 1 && only
      ? {
          title: `Une ancienne clé d’API est à supprimer — ${organization}`,
          body: `${quoted(only.oldKey.title, language)} devait être gardée jusqu’au ${day(only.keepUntil ?? '', language)}, à côté de ${quoted(only.replacement.title, language)}. Supprimez-la maintenant.`,
        }
      : { title: `${count} anciennes clés d’API sont à supprimer — ${organization}`, body: 'Leurs remplaçantes ont les mêmes accès. Supprimez-les maintenant.' };
  }
  return count === 1 && only
    ? {
        title: `An old API key is due for deletion — ${organization}`,
        body: `${quoted(only.oldKey.title, language)} was kept until ${day(only.keepUntil ?? '', language)}, beside ${quoted(only.replacement.title, language)}. Delete it now.`,
      }
    : { title: `${count} old API keys are due for deletion — ${organization}`, body: 'Their replacements have the same access. Delete them now.' };
}

/** The taskbar overlay's description (Windows reads it to screen-reader users). */
export function badgeDescription(count: number, language: Language): string {
  if (language === 'fr') return count === 1 ? '1 clé d’API demande votre attention' : `${count} clés d’API demandent votre attention`;
  return count === 1 ? '1 API key needs attention' : `${count} API keys need attention`;
}
