// "Replace key…" picked up where a rotation stopped: the dialog says what was done and what
// was not (the new key's access on how many resources, and which it lacks), never silent
// about less access, in English and French, and offers Resume.
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { RotationRecord } from '@shared/key-rotation';
import { RotateApiKeyDialog } from '@renderer/features/api-keys/components/rotate/rotate-api-key-dialog';
import { renderWithProviders, setUpAppTests } from '../../support/render-app';

setUpAppTests();

const stopped: RotationRecord = {
  id: '5f0b7f39-51c8-4f3b-9f55-1b1a2b9c0d11',
  server: 'http://127.0.0.1:1',
  organizationId: 'org',
  startedAt: '2026-11-30T10:00:00.000Z',
  oldKey: { id: 'old', title: 'Field survey app', expirationDate: '2027-01-01T00:00:00.000Z' },
  replacement: { id: 'new', title: 'Field survey app (rotated)', expirationDate: '2027-06-01T00:00:00.000Z' },
  role: 'ORG_EDITOR',
  stage: 'granting',
  access: {
    toGrant: 6,
    granted: 4,
    shortfallCount: 2,
    shortfall: [
      { kind: 'dataSource', id: 'd1', name: 'Parcels 2024' },
      { kind: 'project', id: 'p1', name: 'City viewer' },
    ],
    checkedAt: '2026-11-30T10:01:00.000Z',
  },
  keepUntil: null,
  remindedAt: null,
  stopped: { code: 'NETWORK' },
};

const key = { id: 'old', title: 'Field survey app', role: 'ORG_EDITOR', expirationDate: '2027-01-01T00:00:00.000Z' } as const;

describe('a replacement picked up where it stopped', () => {
  it('says how far the new key’s access got, names what it lacks, and offers Resume', async () => {
    await renderWithProviders(<RotateApiKeyDialog apiKey={key} resume={stopped} locale="en" onClose={() => undefined} />);
    const dialog = await screen.findByRole('dialog', { name: 'Replace API key “Field survey app”' });
    expect(within(dialog).getByRole('alert')).toHaveTextContent('A replacement of this key is under way');
    expect(dialog).toHaveTextContent('The new key “Field survey app (rotated)” exists');
    expect(dialog).toHaveTextContent('It has the same access as “Field survey app” on 4 of 6 resources. On the others it has less access:');
    const lacking = within(dialog).getByRole('list', { name: 'Resources where the new key has less access' });
    expect(within(lacking).getAllByRole('listitem').map((item) => item.textContent)).toEqual(['Parcels 2024', 'City viewer']);
    expect(within(dialog).getByRole('button', { name: 'Resume' })).toBeEnabled();
  });

  it('says it in French', async () => {
    await renderWithProviders(<RotateApiKeyDialog apiKey={key} resume={stopped} locale="fr" onClose={() => undefined} />, { language: 'fr' });
    const dialog = await screen.findByRole('dialog', { name: 'Remplacer la clé d’API «\u202fField survey app\u202f»' });
    // textContent itself: toHaveTextContent would fold the narrow no-break spaces into spaces.
    expect(dialog.textContent).toContain('Elle a les mêmes accès que «\u202fField survey app\u202f» sur 4 ressources sur 6.');
    expect(within(dialog).getByRole('button', { name: 'Reprendre' })).toBeEnabled();
  });
});
