// The application menu's words, in the app's languages. The menu follows KeyDesk's language
// setting, not the OS's: Electron's own role labels come from the OS locale, so every item
// is given its label here. `&` marks the access key on Windows and Linux.
import type { Settings } from '../shared/settings';

export interface MenuLabels {
  file: string;
  newApiKey: string;
  refresh: string;
  switchOrganization: string;
  signOut: string;
  quit: string;
  edit: string;
  undo: string;
  redo: string;
  cut: string;
  copy: string;
  paste: string;
  selectAll: string;
  view: string;
  zoomIn: string;
  zoomOut: string;
  resetZoom: string;
  reload: string;
  toggleDevTools: string;
  help: string;
  checkForUpdates: string;
  openLogsFolder: string;
  about: (appName: string) => string;
  hide: (appName: string) => string;
  hideOthers: string;
  showAll: string;
  quitApp: (appName: string) => string;
}

export const MENU_LABELS: Record<Settings['language'], MenuLabels> = {
  en: {
    file: '&File',
    newApiKey: 'New API Key…',
    refresh: 'Refresh',
    switchOrganization: 'Switch Organization…',
    signOut: 'Sign Out',
    quit: 'E&xit',
    edit: '&Edit',
    undo: 'Undo',
    redo: 'Redo',
    cut: 'Cut',
    copy: 'Copy',
    paste: 'Paste',
    selectAll: 'Select All',
    view: '&View',
    zoomIn: 'Zoom In',
    zoomOut: 'Zoom Out',
    resetZoom: 'Actual Size',
    reload: 'Reload',
    toggleDevTools: 'Toggle Developer Tools',
    help: '&Help',
    checkForUpdates: 'Check for Updates…',
    openLogsFolder: 'Open Logs Folder',
    about: (appName) => `About ${appName}`,
    hide: (appName) => `Hide ${appName}`,
    hideOthers: 'Hide Others',
    showAll: 'Show All',
    quitApp: (appName) => `Quit ${appName}`,
  },
  fr: {
    file: '&Fichier',
    newApiKey: 'Nouvelle clé d’API…',
    refresh: 'Actualiser',
    switchOrganization: 'Changer d’organisation…',
    signOut: 'Se déconnecter',
    quit: '&Quitter',
    edit: '&Édition',
    undo: 'Annuler',
    redo: 'Rétablir',
    cut: 'Couper',
    copy: 'Copier',
    paste: 'Coller',
    selectAll: 'Tout sélectionner',
    view: '&Affichage',
    zoomIn: 'Zoom avant',
    zoomOut: 'Zoom arrière',
    resetZoom: 'Taille réelle',
    reload: 'Recharger',
    toggleDevTools: 'Outils de développement',
    help: '&Aide',
    checkForUpdates: 'Rechercher des mises à jour…',
    openLogsFolder: 'Ouvrir le dossier des journaux',
    about: (appName) => `À propos de ${appName}`,
    hide: (appName) => `Masquer ${appName}`,
    hideOthers: 'Masquer les autres',
    showAll: 'Tout afficher',
    quitApp: (appName) => `Quitter ${appName}`,
  },
};
