// `--seed demo`: a believable organization to demo and test against. Two organizations
// (the demo admin and two others belong to both), seven users, 28 + 3 API keys of both
// roles (some expired, some expiring within 14 days, created by both administrators,
// some used recently), and data sources and projects owned by keys, solely or jointly
// with a user, plus permission entries that name keys without making them owners. Project
// names are in English and French, as JMap Cloud names projects per language.
import type { ApiKeyRole, OrganizationRole } from '../../shared/roles';
import { generateApiKeySecret } from '../auth/api-key-secret';
import { hashPassword } from '../auth/passwords';
import { inTransaction, type Database } from '../db/database';
import { insertApiKey } from '../store/api-key-store';
import { insertMembership } from '../store/membership-store';
import { insertOrganization } from '../store/organization-store';
import { grantOwner, insertDataSource, insertProject, replacePermissions, type PrincipalRef } from '../store/resource-store';
import { insertUser, setPasswordHash } from '../store/user-store';
import { DEMO_ORGANIZATION, DEMO_TRAINING_ORGANIZATION, DEMO_USERS } from './demo-identities';

const DAY = 86_400_000;
const HOUR = 3_600_000;

const DEMO_KEY_TITLES = [
  'Field survey app', 'Nightly GIS sync', 'Public map viewer', 'Asset inventory import', 'Zoning lookup widget',
  'Water network monitor', 'Permit portal', 'Open data export', 'Traffic counts feed', 'Tree inventory',
  'Drone imagery upload', 'Emergency dispatch map', 'Snow removal tracker', 'Parcel fabric QA', 'Mobile inspections',
  'Waste collection routes', 'Park facilities app', 'Lidar processing', 'Bike lane planner', 'Property assessment sync',
  'Storm drain survey', 'Street light audit', 'Census overlay', 'Transit stops feed', 'Heritage sites viewer',
  'Noise complaints map', 'Training sandbox', 'Legacy desktop GIS bridge',
] as const;
const EXPIRED = new Set([3, 11, 19, 26]);
const EXPIRING_SOON_IN_DAYS = new Map([[1, 2], [7, 5], [14, 8], [22, 11], [27, 13]]);

export async function seedDemo(db: Database, password: string, now: Date): Promise<void> {
  const users = Object.values(DEMO_USERS);
  // All demo users share the demo password by design, so one salted hash serves them all
  // (a separate salt each would hide nothing, and scrypt costs ~0.2 s per hash here).
  const hash = await hashPassword(password);
  const at = (offsetMs: number): string => new Date(now.getTime() + offsetMs).toISOString();
  inTransaction(db, () => {
    insertOrganization(db, DEMO_ORGANIZATION);
    insertOrganization(db, DEMO_TRAINING_ORGANIZATION);
    users.forEach((user) => {
      insertUser(db, { id: user.id, name: user.name, email: user.email, passwordHash: hash });
      insertMembership(db, DEMO_ORGANIZATION.id, user.id, user.role);
      const trainingRole: OrganizationRole | undefined = 'trainingRole' in user ? user.trainingRole : undefined;
      if (trainingRole) insertMembership(db, DEMO_TRAINING_ORGANIZATION.id, user.id, trainingRole);
    });

    const keyIds = DEMO_KEY_TITLES.map((title, index) => {
      const creator = index % 2 === 0 ? DEMO_USERS.admin : DEMO_USERS.secondAdmin;
      const soon = EXPIRING_SOON_IN_DAYS.get(index);
      const expiration = EXPIRED.has(index) ? -(index + 1) * DAY : soon !== undefined ? soon * DAY : (30 + index * 12) * DAY;
      const role: ApiKeyRole = index % 3 === 2 ? 'ORG_VIEWER' : 'ORG_EDITOR';
      const lastUsed = index % 3 === 1 ? null : EXPIRED.has(index) ? at(expiration - 2 * DAY) : at(-(index + 1) * HOUR);
      return insertApiKey(db, {
        organizationId: DEMO_ORGANIZATION.id,
        title,
        role,
        creator,
        creationDate: at(-(300 - index * 10) * DAY),
        expirationDate: at(expiration),
        lastUsedDate: lastUsed,
        // Seeded keys get a real secret that nobody ever sees: only its hash is kept.
        secret: generateApiKeySecret(),
      });
    });
    seedDemoResources(db, keyIds, now);

    for (const [index, title] of ['Workshop demo key', 'Student exercises', 'Trainer sandbox'].entries()) {
      insertApiKey(db, {
        organizationId: DEMO_TRAINING_ORGANIZATION.id,
        title,
        role: index === 1 ? 'ORG_VIEWER' : 'ORG_EDITOR',
        creator: DEMO_USERS.admin,
        creationDate: at(-(20 - index) * DAY),
        expirationDate: at((60 + index * 30) * DAY),
        secret: generateApiKeySecret(),
      });
    }
    const editor1: PrincipalRef = { type: 'USER', id: DEMO_USERS.editor1.id };
    const exercises = insertDataSource(db, DEMO_TRAINING_ORGANIZATION.id, 'Exercise parcels', editor1, now);
    insertProject(db, DEMO_TRAINING_ORGANIZATION.id, { name: { en: 'Workshop map', fr: 'Carte de l’atelier' }, layers: [{ name: 'Parcels', dataSourceId: exercises }] }, editor1, now);
  });
}

function seedDemoResources(db: Database, keyIds: readonly string[], now: Date): void {
  const org = DEMO_ORGANIZATION.id;
  const key = (index: number): PrincipalRef => ({ type: 'API_KEY', id: keyIds[index] ?? '' });
  const user = (id: string): PrincipalRef => ({ type: 'USER', id });
  const fieldSurvey = key(0);
  const nightlySync = key(1);
  const zoningWidget = key(4);

  const parcels = insertDataSource(db, org, 'Parcels 2024', fieldSurvey, now);
  const surveyPoints = insertDataSource(db, org, 'Survey points', fieldSurvey, now);
  const roads = insertDataSource(db, org, 'Road network', fieldSurvey, now);
  grantOwner(db, 'DATA_SOURCE', roads, user(DEMO_USERS.editor1.id));
  const hydrography = insertDataSource(db, org, 'Hydrography', user(DEMO_USERS.editor2.id), now);
  const buildings = insertDataSource(db, org, 'Building footprints', nightlySync, now);
  const zoning = insertDataSource(db, org, 'Zoning', zoningWidget, now);
  grantOwner(db, 'DATA_SOURCE', zoning, user(DEMO_USERS.admin.id));
  insertDataSource(db, org, 'Assets 2019', key(3), now);

  insertProject(db, org, { name: { en: 'Field survey', fr: 'Relevé terrain' }, layers: [{ name: 'Parcels', dataSourceId: parcels }, { name: 'Survey points', dataSourceId: surveyPoints }] }, fieldSurvey, now);
  const publicWorks = insertProject(db, org, { name: { en: 'Public works', fr: 'Travaux publics' }, layers: [{ name: 'Roads', dataSourceId: roads }, { name: 'Rivers and lakes', dataSourceId: hydrography }] }, fieldSurvey, now);
  grantOwner(db, 'PROJECT', publicWorks, user(DEMO_USERS.editor1.id));
  insertProject(db, org, { name: { en: 'Flood risk', fr: 'Risque d’inondation' }, layers: [{ name: 'Rivers and lakes', dataSourceId: hydrography }, { name: 'Buildings', dataSourceId: buildings }] }, nightlySync, now);
  insertProject(db, org, { name: { en: 'Urban planning', fr: 'Urbanisme' }, layers: [{ name: 'Parcels', dataSourceId: parcels }, { name: 'Zoning', dataSourceId: zoning }] }, zoningWidget, now);
  const cityViewer = insertProject(db, org, { name: { en: 'City viewer', fr: 'Visionneuse municipale' }, layers: [{ name: 'Parcels', dataSourceId: parcels }, { name: 'Roads', dataSourceId: roads }] }, user(DEMO_USERS.admin.id), now);
  replacePermissions(db, 'PROJECT', cityViewer, [
    { principalType: 'USER', principalId: DEMO_USERS.admin.id, permissions: ['OWNER', 'MODIFY', 'VIEW'] },
    { principalType: 'API_KEY', principalId: keyIds[2] ?? '', permissions: ['VIEW'] },
    { principalType: 'API_KEY', principalId: fieldSurvey.id, permissions: ['MODIFY', 'VIEW'] },
    { principalType: 'USER', principalId: DEMO_USERS.viewer1.id, permissions: ['VIEW'] },
  ]);
  replacePermissions(db, 'DATA_SOURCE', hydrography, [
    { principalType: 'USER', principalId: DEMO_USERS.editor2.id, permissions: ['OWNER', 'MODIFY', 'VIEW'] },
    { principalType: 'API_KEY', principalId: nightlySync.id, permissions: ['VIEW'] },
  ]);
}

/** Sets every demo user's password (an existing demo database started with a new password). */
export async function resetDemoPasswords(db: Database, password: string): Promise<void> {
  const hash = await hashPassword(password);
  inTransaction(db, () => {
    for (const user of Object.values(DEMO_USERS)) setPasswordHash(db, user.id, hash);
  });
}
