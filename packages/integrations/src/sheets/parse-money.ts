import { defined } from '@ptrack/domain';
import { fail, ok, type Parsed, type SheetCell } from './parsed';

/** An amount in integer minor units (cents) and the currency the cell named, or null when it named none. */
export type Money = { minor: number; currency: string | null };
export type ParseMoneyOptions = {
  allowNegative?: boolean;
  /** The currency assumed when the cell names none: it sets the minor-unit digits (¥5000 vs $50.00). */
  defaultCurrency?: string;
};

const SYMBOLS: Record<string, string> = {
  $: 'USD',
  US$: 'USD',
  '€': 'EUR',
  '£': 'GBP',
  '¥': 'JPY',
  '₹': 'INR',
  C$: 'CAD',
  A$: 'AUD',
};
const CODES = new Set([
  'USD',
  'EUR',
  'GBP',
  'CAD',
  'AUD',
  'NZD',
  'CHF',
  'JPY',
  'INR',
  'SEK',
  'NOK',
  'DKK',
  'SGD',
  'BRL',
  'MXN',
  'ZAR',
  'PLN',
]);
const ZERO_DECIMAL = new Set(['JPY']);
const SCALES: Record<string, number> = {
  k: 1e3,
  thousand: 1e3,
  m: 1e6,
  mm: 1e6,
  mn: 1e6,
  million: 1e6,
  b: 1e9,
  bn: 1e9,
  billion: 1e9,
};

// [sign][currency] digits-and-separators [scale] [currency]
const MONEY =
  /^([-−]?)\s*([A-Z]{3}|US\$|C\$|A\$|[$€£¥₹])?\s*([-−]?)\s*(\d[\d.,'’\s]*)\s*(k|thousand|mm|mn|m|million|bn|b|billion)?\s*([A-Z]{3}|[$€£¥₹])?$/i;

/** Minor-unit digits of a currency (2 unless it has none, like JPY). */
export function minorDigits(currency: string | null): number {
  return currency !== null && ZERO_DECIMAL.has(currency) ? 0 : 2;
}

/**
 * Reads the number part of an amount: both "." and "," present → the last one is the decimal mark; one of
 * them repeated → thousands; one occurrence followed by exactly three digits → thousands ("€45.000",
 * "120,000"), else the decimal mark ("45,50", "1.2") — except that with a scale ("1,5M") it is a decimal.
 */
function readNumber(raw: string, scaled: boolean): number | null {
  const s = raw.replace(/[\s'’]/g, '');
  const lastDot = s.lastIndexOf('.');
  const lastComma = s.lastIndexOf(',');
  let intPart = s;
  let frac = '';
  if (lastDot >= 0 && lastComma >= 0) {
    const dec = Math.max(lastDot, lastComma);
    intPart = s.slice(0, dec);
    frac = s.slice(dec + 1);
    const thousands = dec === lastDot ? ',' : '.';
    if (intPart.includes(dec === lastDot ? '.' : ',')) return null;
    intPart = intPart.split(thousands).join('');
  } else if (lastDot >= 0 || lastComma >= 0) {
    const sep = lastDot >= 0 ? '.' : ',';
    const parts = s.split(sep);
    if (parts.length > 2) {
      if (parts.slice(1).some((p) => p.length !== 3)) return null;
      intPart = parts.join('');
    } else if (defined(parts[1]).length === 3 && !scaled) {
      intPart = parts.join('');
    } else {
      intPart = defined(parts[0]);
      frac = defined(parts[1]);
    }
  }
  if (!/^\d+$/.test(intPart) || !/^\d*$/.test(frac)) return null;
  return Number(frac === '' ? intPart : `${intPart}.${frac}`);
}

/**
 * Money as people type it — "$120,000", "$80k", "1.2M", "€45.000", "45.000,50 €", "USD 1,000.50" — as
 * integer minor units and the named currency. Negatives ("-5", "(1,000)") are refused unless allowed;
 * amounts with more decimals than the currency has are refused rather than rounded.
 */
export function parseMoney(cell: SheetCell, options: ParseMoneyOptions = {}): Parsed<Money | null> {
  if (cell === null) return ok(null);
  if (typeof cell === 'number') return fromNumber(cell, null, options, String(cell));
  if (typeof cell !== 'string') return fail('not an amount');
  let text = cell.trim();
  if (text === '') return ok(null);
  let negative = false;
  if (/^\(.*\)$/.test(text)) {
    negative = true;
    text = text.slice(1, -1).trim();
  }
  const m = MONEY.exec(text.replace(/[\u00a0\u202f]/g, ' '));
  if (!m) return fail(`"${cell.trim()}" is not an amount`);
  const [, sign1, cur1, sign2, digits, scaleWord, cur2] = m;
  if (sign1 || sign2) negative = true;
  if (cur1 && cur2) return fail(`"${cell.trim()}" names two currencies`);
  const curText = cur1 ?? cur2;
  const currency = curText
    ? (SYMBOLS[curText] ??
      SYMBOLS[curText.toUpperCase()] ??
      (CODES.has(curText.toUpperCase()) ? curText.toUpperCase() : undefined))
    : null;
  if (currency === undefined) return fail(`"${curText}" is not a currency we know`);
  const scale = scaleWord ? defined(SCALES[scaleWord.toLowerCase()]) : 1;
  const n = readNumber(defined(digits, 'the digits MONEY always captures').trim(), scale !== 1);
  if (n === null) return fail(`"${cell.trim()}" is not an amount (check the thousands and decimal marks)`);
  return fromNumber((negative ? -n : n) * scale, currency, options, cell.trim());
}

function fromNumber(n: number, currency: string | null, options: ParseMoneyOptions, text: string): Parsed<Money> {
  if (!Number.isFinite(n)) return fail(`"${text}" is not an amount`);
  if (n < 0 && !options.allowNegative) return fail(`"${text}" is negative; amounts here must be zero or more`);
  const factor = 10 ** minorDigits(currency ?? options.defaultCurrency ?? null);
  const scaled = n * factor;
  const minor = Math.round(scaled);
  if (Math.abs(scaled - minor) > 1e-6 * Math.max(1, Math.abs(scaled)))
    return fail(`"${text}" has more decimals than ${currency ?? options.defaultCurrency ?? 'the currency'} allows`);
  if (!Number.isSafeInteger(minor)) return fail(`"${text}" is too large`);
  return ok({ minor: minor === 0 ? 0 : minor, currency });
}
