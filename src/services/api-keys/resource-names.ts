// What a key owns, with every project's name in the app's language (JMap Cloud names
// projects per language; the renderer shows one).
import type { OwnedResources } from '../../shared/api-types';
import { pickTranslation } from '../../shared/translated-name';
import type { OwnedResourcesOnServer } from '../organization-client/organization-client';

export function ownedResourcesIn(language: string, owned: OwnedResourcesOnServer): OwnedResources {
  return { ...owned, projects: owned.projects.map((project) => ({ ...project, name: pickTranslation(project.name, language) })) };
}
