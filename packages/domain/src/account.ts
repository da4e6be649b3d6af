import { defined } from './defined';

// docs/RULES.md (Account): matching is by normalised domain, else normalised name.
const LEGAL_SUFFIXES = new Set([
  'inc',
  'incorporated',
  'corp',
  'corporation',
  'co',
  'company',
  'ltd',
  'limited',
  'llc',
  'llp',
  'gmbh',
  'plc',
  'sa',
  'sas',
  'ag',
  'bv',
  'nv',
  'pty',
  'srl',
  'oy',
  'ab',
  'as',
]);

/**
 * The key an account (or partner) name is matched by: case, accents, punctuation, spacing and a
 * trailing legal form are ignored ("ACME, Inc." and "Acme" match). Never empty for a non-blank name.
 */
export function normaliseCompanyName(name: string): string {
  const words = name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase() // again: compatibility forms such as "𝓐" decompose to capitals
    .replace(/&/g, ' and ')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  while (words.length > 1) {
    const suffixLength = trailingLegalSuffix(words);
    if (suffixLength === 0 || suffixLength >= words.length) break;
    words.splice(-suffixLength);
  }
  const key = words.join(' ');
  return key || name.trim().toLowerCase();
}

/** How many trailing words form a legal suffix: "inc", or a dotted one split into letters ("S.A."). */
function trailingLegalSuffix(words: string[]): number {
  if (LEGAL_SUFFIXES.has(defined(words[words.length - 1]))) return 1;
  for (let k = 2; k <= 3 && k <= words.length; k++) {
    const tail = words.slice(-k);
    if (tail.every((w) => w.length === 1) && LEGAL_SUFFIXES.has(tail.join(''))) return k;
  }
  return 0;
}

/**
 * The key a domain or website is matched by: scheme, "www.", path, port and case are ignored, so
 * "https://www.Acme.com/about" and "acme.com" match. Null when nothing domain-like remains.
 */
export function normaliseDomain(input: string | null | undefined): string | null {
  if (!input) return null;
  let s = input.trim().toLowerCase();
  s = s.replace(/^[a-z][a-z0-9+.-]*:\/\//, '');
  s = s.replace(/^[^@/]*@/, '');
  s = s.split(/[/?#]/)[0] ?? '';
  s = s
    .replace(/:\d+$/, '')
    .replace(/\.$/, '')
    .replace(/^www\./, '');
  return /^[\p{L}\p{N}-]+(\.[\p{L}\p{N}-]+)+$/u.test(s) ? s : null;
}
