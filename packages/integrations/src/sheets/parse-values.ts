import { defined, findOptionValue } from '@ptrack/domain';
import { minorDigits, parseMoney } from './parse-money';
import { cellText, fail, ok, type Parsed, type SheetCell } from './parsed';

const YES = new Set([
  'yes',
  'y',
  'true',
  't',
  '1',
  '✓',
  '✔',
  '✔️',
  '☑',
  '☑️',
  '✅',
  'x',
  'oui',
  'si',
  'sí',
  'ja',
  'checked',
  'on',
  'done',
]);
const NO = new Set(['no', 'n', 'false', 'f', '0', '✗', '✘', '☐', '❌', '✖', '✖️', 'non', 'nein', 'unchecked', 'off']);
const UNANSWERED = new Set(['n/a', 'na', 'tbd', '?', 'unknown', '-', '—']);

/** Yes/no in all its forms → true/false; blank, "n/a", "TBD", "?" → null (unanswered). */
export function parseYesNo(cell: SheetCell): Parsed<boolean | null> {
  if (typeof cell === 'boolean') return ok(cell);
  if (typeof cell === 'number') return cell === 1 ? ok(true) : cell === 0 ? ok(false) : fail(`${cell} is not yes or no`);
  const t = cellText(cell).toLowerCase().replace(/[.!]$/, '');
  if (t === '' || UNANSWERED.has(t)) return ok(null);
  if (YES.has(t)) return ok(true);
  if (NO.has(t)) return ok(false);
  return fail(`"${cellText(cell)}" is not yes or no`);
}

function toNumber(cell: SheetCell): number | null {
  if (typeof cell === 'number') return Number.isFinite(cell) ? cell : null;
  if (typeof cell !== 'string') return null;
  const t = cell.trim().replace(/[\s\u00a0\u202f]/g, '');
  // "1,200" and "1.200" are thousands here only when grouped by three; "6.0" is six.
  if (/^[-−]?\d{1,3}([,.])\d{3}(\1\d{3})*$/.test(t) && !/^[-−]?\d\.\d{3}$/.test(t))
    return Number(t.replace(/[,.]/g, '').replace('−', '-'));
  if (/^[-−]?\d+(\.\d+)?$/.test(t)) return Number(t.replace('−', '-'));
  return null;
}

/** A whole number within [min, max] ("6", "6.0", "1,200"); a fraction or text is refused. */
export function parseInteger(cell: SheetCell, bounds: { min?: number; max?: number } = {}): Parsed<number | null> {
  const text = cellText(cell);
  if (text === '') return ok(null);
  const n = toNumber(cell);
  if (n === null) return fail(`"${text}" is not a number`);
  if (!Number.isInteger(n)) return fail(`${text} is not a whole number`);
  const { min = Number.MIN_SAFE_INTEGER, max = Number.MAX_SAFE_INTEGER } = bounds;
  if (n < min || n > max) return fail(`${text} is outside ${min}–${max}`);
  return ok(n);
}

/** A score within bounds, also written "8/10" (the denominator must be the maximum). */
export function parseScore(cell: SheetCell, min: number, max: number): Parsed<number | null> {
  const m = typeof cell === 'string' ? /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(cell) : null;
  if (m) {
    if (Number(m[2]) !== max) return fail(`"${m[0].trim()}" is not a score out of ${max}`);
    return parseInteger(defined(m[1]), { min, max });
  }
  return parseInteger(cell, { min, max });
}

/** A rep tier 1–4: "T1", "1", "tier-2 (engaged)", or as seed 001 spells it, Tier 1 … Tier 4. */
export function parseTier(cell: SheetCell): Parsed<1 | 2 | 3 | 4 | null> {
  const text = cellText(cell);
  if (text === '') return ok(null);
  const m = /^(?:tier|t)?\s*[-#:]?\s*(\d+)(?:\b.*)?$/i.exec(text);
  const n = m ? Number(m[1]) : Number.NaN;
  if (m && n >= 1 && n <= 4 && (!m[0].includes('.') || /^\d\.0+$/.test(text))) return ok(n as 1 | 2 | 3 | 4);
  return fail(`"${text}" is not a tier from 1 to 4`);
}

/**
 * A percentage as a fraction: "7.5%" → 0.075. A bare number from 0 to 1 is already a fraction ("0.075");
 * a bare number above 1 up to 100 is read as percent points ("80" → 0.8) — stated, not guessed.
 */
export function parsePercent(cell: SheetCell): Parsed<number | null> {
  const text = cellText(cell);
  if (text === '') return ok(null);
  const pct = /^(-?\d+(?:[.,]\d+)?)\s*%$/.exec(text);
  if (pct) return ok(Number(defined(pct[1]).replace(',', '.')) / 100);
  const n = toNumber(cell);
  if (n === null || n < 0 || n > 100) return fail(`"${text}" is not a percentage`);
  return ok(n <= 1 ? n : n / 100);
}

export const CORPORATE_SUFFIX = /^(inc|inc\.|llc|ltd|ltd\.|corp|corp\.|co|co\.|gmbh|s\.?a\.?|plc|ag|bv|oy|ab|pty|l\.?p\.?)$/i;

/**
 * Several values in one cell. Separated by line breaks if there are any, else by semicolons, else by
 * commas — a last item "B and C" after a comma list ("A, B and C") is split too, but a lone "Procter and
 * Gamble" is not. A corporate suffix after a comma ("Acme, Inc.") stays with its name.
 */
export function parseList(cell: SheetCell): Parsed<string[]> {
  const text = cellText(cell);
  if (text === '') return ok([]);
  let items: string[];
  if (/[\r\n]/.test(text)) items = text.split(/\r\n|\r|\n/);
  else if (text.includes(';')) items = text.split(';');
  else {
    items = [];
    for (const part of text.split(',')) {
      const p = part.trim();
      if (items.length > 0 && CORPORATE_SUFFIX.test(p)) items[items.length - 1] += `, ${p}`;
      else items.push(p);
    }
    const tail = items.length >= 2 ? items.pop() : undefined;
    if (tail !== undefined) items.push(...tail.replace(/^and\s+/i, '').split(/\s+(?:and|&)\s+/i));
  }
  return ok(
    items
      .map((s) =>
        s
          .trim()
          .replace(/^[-•*·]\s*/, '')
          .trim(),
      )
      .filter((s) => s !== ''),
  );
}

const HUBSPOT =
  /^https?:\/\/app(?:-[a-z0-9]+)?\.hubspot\.com\/contacts\/[^/]+\/(company|contact|record\/0-2|record\/0-1)\/(\d{1,20})(?:[/?#].*)?$/i;

const HUBSPOT_PORTAL = /^https?:\/\/app(?:-[a-z0-9]+)?\.hubspot\.com\/contacts\/(\d{1,20})\//i;

/** The HubSpot account (portal) id of a full record link (`…/contacts/<portal>/…`); null for bare ids and `_`. */
export function hubspotPortalOf(cell: SheetCell): string | null {
  return HUBSPOT_PORTAL.exec(cellText(cell))?.[1] ?? null;
}

/** A HubSpot record id from a link (`…/contacts/<portal>/company/<id>`, `…/record/0-2/<id>`) or the bare digits. */
export function parseHubspotId(cell: SheetCell, object: 'company' | 'contact'): Parsed<string | null> {
  const text = cellText(cell);
  if (text === '') return ok(null);
  if (/^\d{1,20}$/.test(text)) return ok(text);
  const m = HUBSPOT.exec(text);
  if (!m) return fail(`"${text}" is not a HubSpot ${object} link or id`);
  const kind = defined(m[1]).toLowerCase();
  const isCompany = kind === 'company' || kind === 'record/0-2';
  if (isCompany !== (object === 'company'))
    return fail(`"${text}" links to a HubSpot ${isCompany ? 'company' : 'contact'}, not a ${object}`);
  return ok(defined(m[2]));
}

const EMAIL = /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[^\s@<>(),;:".]{2,}$/;

/** An email address; "mailto:" and "Name <address>" are unwrapped. */
export function parseEmail(cell: SheetCell): Parsed<string | null> {
  let text = cellText(cell);
  if (text === '') return ok(null);
  const angle = /<([^>]+)>\s*$/.exec(text);
  if (angle) text = defined(angle[1]).trim();
  text = text.replace(/^mailto:/i, '');
  return EMAIL.test(text) && text.length <= 320 ? ok(text) : fail(`"${cellText(cell)}" is not an email address`);
}

/** An http(s) URL; a bare domain ("acme.com/partners") becomes https://. */
export function parseUrl(cell: SheetCell): Parsed<string | null> {
  const text = cellText(cell);
  if (text === '') return ok(null);
  const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(text)
    ? text
    : /^[a-z0-9-]+(\.[a-z0-9-]+)+([/?#].*)?$/i.test(text)
      ? `https://${text}`
      : null;
  if (withScheme === null || /\s/.test(withScheme)) return fail(`"${text}" is not a web address`);
  try {
    const url = new URL(withScheme);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return fail(`"${text}" is not an http(s) address`);
    if (withScheme.length > 2000) return fail('the address is longer than 2000 characters');
    return ok(withScheme);
  } catch {
    return fail(`"${text}" is not a web address`);
  }
}

/** Plain text, trimmed, within a length limit; blank → null. */
export function parseText(cell: SheetCell, max: number): Parsed<string | null> {
  const text = cell instanceof Date ? cell.toISOString().slice(0, 10) : cellText(cell);
  if (text === '') return ok(null);
  return text.length <= max ? ok(text) : fail(`longer than ${max} characters (${text.length})`);
}

/**
 * One of an option list's values ("Phase 2" → "Phase 2: Activate", "agency" → "Agency"). A value not in
 * the list is kept as typed when `open` (the list is editable and grows), else refused.
 */
export function parseOption(cell: SheetCell, allowed: readonly string[], open = true): Parsed<string | null> {
  const text = cellText(cell);
  if (text === '') return ok(null);
  const found = findOptionValue(allowed, text);
  if (found !== null) return ok(found);
  if (open && text.length <= 100) return ok(text);
  return fail(`"${text}" is not one of ${allowed.join(', ')}`);
}

/** A number for a custom number field: plain ("1,200", "-3.5"), or an amount ("$80k", "1.2M") in major units. */
export function parseNumber(cell: SheetCell): Parsed<number | null> {
  const text = cellText(cell);
  if (text === '') return ok(null);
  const n = toNumber(cell);
  if (n !== null) return ok(n);
  const money = parseMoney(text, { allowNegative: true });
  if (money.ok && money.value) return ok(money.value.minor / 10 ** minorDigits(money.value.currency));
  return fail(`"${text}" is not a number`);
}
