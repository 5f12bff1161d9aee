// A name per language, shown in the app's language, then English, then any.
import { describe, expect, it } from 'vitest';
import { pickTranslation, translatedNameSchema } from '../../src/shared/translated-name';

describe('pickTranslation', () => {
  const parcels = { en: 'Parcels', fr: 'Parcelles' };

  it('gives the app\'s language, then its primary language, then English, then any', () => {
    expect(pickTranslation(parcels, 'fr')).toBe('Parcelles');
    expect(pickTranslation(parcels, 'fr-CA')).toBe('Parcelles');
    expect(pickTranslation(parcels, 'fr_CA')).toBe('Parcelles');
    expect(pickTranslation(parcels, 'es')).toBe('Parcels');
    expect(pickTranslation({ es: 'Parcelas', de: 'Flurstücke' }, 'fr')).toBe('Parcelas');
    expect(pickTranslation({ 'fr-CA': 'Lots' }, 'fr-ca')).toBe('Lots');
  });

  it('matches keys written in capitals (issue 11 writes {"EN": …, "FR": …}) and skips empty ones', () => {
    expect(pickTranslation({ EN: 'Parcels', FR: 'Parcelles' }, 'fr')).toBe('Parcelles');
    expect(pickTranslation({ fr: ' ', en: 'Parcels' }, 'fr')).toBe('Parcels');
    expect(pickTranslation({}, 'fr')).toBe('');
  });

  it('takes a plain string as it is', () => {
    expect(pickTranslation('Parcels', 'fr')).toBe('Parcels');
  });
});

describe('translatedNameSchema', () => {
  it('reads a string or an object of strings, leaving out what is not a string', () => {
    expect(translatedNameSchema.parse('Parcels')).toBe('Parcels');
    expect(translatedNameSchema.parse({ en: 'Parcels', fr: null, es: 3 })).toEqual({ en: 'Parcels' });
    expect(translatedNameSchema.safeParse(7).success).toBe(false);
  });
});
