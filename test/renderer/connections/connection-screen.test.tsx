import { screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { installRealKeydesk, type RealKeydesk } from '../support/real-keydesk';
import { renderApp } from '../support/render-app';

let keydesk: RealKeydesk;
beforeEach(async () => {
  keydesk = await installRealKeydesk();
});
afterEach(async () => {
  await keydesk.cleanup();
});

describe('connection screen', () => {
  it('opens the local organization and shows the keys page', async () => {
    const { user } = await renderApp();
    await user.click(await screen.findByRole('button', { name: 'Open local organization' }));
    expect(await screen.findByRole('button', { name: /Switch organization: Demo Organization/ })).toBeInTheDocument();
  });
});
