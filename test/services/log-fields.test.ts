import { describe, expect, it } from 'vitest';
import { formatLogFields } from '../../src/services/logger';

describe('formatLogFields', () => {
  it('writes defined fields as key=JSON after a space, and nothing when there are none', () => {
    expect(formatLogFields({ code: 'NETWORK', status: 503, retried: false, url: undefined, id: null })).toBe(' code="NETWORK" status=503 retried=false id=null');
    expect(formatLogFields({ url: undefined })).toBe('');
    expect(formatLogFields()).toBe('');
  });
});
