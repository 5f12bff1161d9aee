// The demo seed's well-known identities, for tests and demos everywhere. Ids are fixed
// so that a test can name them; every demo user signs in with the same demo password
// (the `adminPassword` given to the server, or the generated one it reports).
import type { OrganizationRole } from '../../shared/roles';

// auth0Id: how the identity provider names each (single sign-on's `organization` parameter).
export const DEMO_ORGANIZATION = { id: '149bb9d0-7049-444b-b03f-6698d7f4d796', name: 'Demo Organization', auth0Id: 'org_149bb9d07049444b' } as const;
/** A second organization, so that "a user in several organizations" can be tested. */
export const DEMO_TRAINING_ORGANIZATION = {
  id: 'dcf3992a-f614-4735-8871-dbfb6903b5fb',
  name: 'Demo Training Organization',
  auth0Id: 'org_dcf3992af6144735',
} as const;

export interface DemoUser {
  readonly id: string;
  readonly name: string;
  readonly email: string;
  /** Highest role in Demo Organization (roles are additive). */
  readonly role: OrganizationRole;
  /** Highest role in Demo Training Organization, when a member of it. */
  readonly trainingRole?: OrganizationRole;
}

export const DEMO_USERS = {
  admin: { id: '0712ff06-2c1a-40c7-a43f-ddf087efe274', name: 'Alice Gagnon', email: 'admin@demo.local', role: 'ORG_ADMIN', trainingRole: 'ORG_ADMIN' },
  secondAdmin: { id: '91e8bc87-6b77-4b49-b1b8-048fe96d34b9', name: 'Bruno Tremblay', email: 'admin2@demo.local', role: 'ORG_ADMIN' },
  editor1: { id: 'd873c92b-7894-4181-8b3f-4d4a48cd30db', name: 'Chloé Roy', email: 'editor1@demo.local', role: 'ORG_EDITOR', trainingRole: 'ORG_EDITOR' },
  editor2: { id: 'f378f0d5-5b42-4a68-9b7f-f624eeff538f', name: 'David Côté', email: 'editor2@demo.local', role: 'ORG_EDITOR' },
  editor3: { id: 'f392a218-42dc-426c-8cc4-2c665ddf5eda', name: 'Emma Bouchard', email: 'editor3@demo.local', role: 'ORG_EDITOR' },
  viewer1: { id: '2b71fc81-294f-4a81-94b1-7ef033f54189', name: 'Félix Gauthier', email: 'viewer1@demo.local', role: 'ORG_VIEWER', trainingRole: 'ORG_VIEWER' },
  viewer2: { id: '7942b09b-be58-48f5-871d-23c674979326', name: 'Gabrielle Morin', email: 'viewer2@demo.local', role: 'ORG_VIEWER' },
} as const satisfies Record<string, DemoUser>;

export const DEMO_ADMIN_EMAIL = DEMO_USERS.admin.email;
