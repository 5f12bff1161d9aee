// A connection's identity provider as an admin types it.
import { describe, expect, it } from 'vitest';
import { identityProviderConfigSchema, issuerSchema } from '../../src/shared/identity-provider';

describe('issuerSchema', () => {
  it.each([
    ['k2.auth0.com', 'https://k2.auth0.com/'],
    ['https://K2.auth0.com', 'https://k2.auth0.com/'],
    ['https://login.example.com/realms/gis', 'https://login.example.com/realms/gis'],
    ['http://127.0.0.1:8787/', 'http://127.0.0.1:8787/'],
  ])('reads %s as the issuer %s (an empty path is "/", as discovery compares it)', (typed, issuer) => {
    expect(issuerSchema.parse(typed)).toBe(issuer);
  });

  it.each([
    ['', 'Enter the identity provider'],
    ['http://login.example.com', 'must use https'],
    ['https://login.example.com/?tenant=1', 'must not hold'],
    ['ftp://login.example.com', 'Enter the identity provider'],
  ])('refuses %j with a sentence', (typed, sentence) => {
    const result = issuerSchema.safeParse(typed);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toContain(sentence);
  });
});

describe('identityProviderConfigSchema', () => {
  it('needs a client id, and reads an empty audience as none', () => {
    expect(identityProviderConfigSchema.parse({ issuer: 'k2.auth0.com', clientId: ' abc ', audience: '' })).toEqual({
      issuer: 'https://k2.auth0.com/',
      clientId: 'abc',
      audience: undefined,
    });
    expect(identityProviderConfigSchema.safeParse({ issuer: 'k2.auth0.com', clientId: '' }).success).toBe(false);
    expect(identityProviderConfigSchema.safeParse({ issuer: 'k2.auth0.com', clientId: 'a', secret: 'b' }).success).toBe(false);
  });
});
