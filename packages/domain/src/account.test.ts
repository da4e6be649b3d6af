import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normaliseCompanyName, normaliseDomain } from './account';

describe('normaliseCompanyName', () => {
  it.each([
    ['ACME, Inc.', 'acme'],
    ['Acme', 'acme'],
    ['Société Générale S.A.', 'societe generale'],
    ['Procter & Gamble Co', 'procter and gamble'],
    ['  Globex   Corporation ', 'globex'],
    ['Inc', 'inc'],
    ['Y.A.', 'y a'], // a suffix is dropped only after a real name
    ['İstanbul Holding', 'istanbul holding'],
  ])('%s → %s', (input, key) => {
    expect(normaliseCompanyName(input)).toBe(key);
  });

  it('is idempotent, ignores lower/upper case and is never empty for any non-blank name', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, unit: 'grapheme' }).filter((s) => s.trim() !== ''),
        (name) => {
          const key = normaliseCompanyName(name);
          expect(normaliseCompanyName(key)).toBe(key);
          expect(normaliseCompanyName(name.toLowerCase())).toBe(key);
          expect(key.length).toBeGreaterThan(0);
        },
      ),
    );
  });

  it('ignores a legal form after a real name', () => {
    fc.assert(
      fc.property(fc.constantFrom('Inc.', 'LLC', 'L.L.C.', 'GmbH', 'S.A.', 'B.V.', 'Pty Ltd'), (suffix) => {
        expect(normaliseCompanyName(`Initech ${suffix}`)).toBe('initech');
      }),
    );
  });
});

describe('normaliseDomain', () => {
  it.each([
    ['https://www.Acme.com/about', 'acme.com'],
    ['acme.com', 'acme.com'],
    ['http://sub.acme.co.uk:8080?x=1', 'sub.acme.co.uk'],
    ['jane@acme.com', 'acme.com'],
    ['not a domain', null],
    ['', null],
    [null, null],
  ])('%s → %s', (input, key) => {
    expect(normaliseDomain(input)).toBe(key);
  });
});
