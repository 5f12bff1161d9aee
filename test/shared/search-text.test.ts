// A search or filter text as a person pastes it, made fit to send (the contracts refuse
// control characters; the hostile typing test pasted a tab and a line break into each).
import { describe, expect, it } from 'vitest';
import { searchText } from '../../src/shared/api-types';

describe('searchText', () => {
  it('makes a pasted text fit to search: control characters as spaces, trimmed, cut at the bound', () => {
    expect(searchText('  survey\tapp\r\n', 200)).toBe('survey app');
    expect(searchText('ab\u0000cd', 200)).toBe('ab cd');
    expect(searchText('x'.repeat(300), 200)).toHaveLength(200);
    expect(searchText('\u0007\u001b', 200)).toBe('');
  });
});
