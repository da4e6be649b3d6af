import { DEFAULT_OPTION_LISTS } from '@ptrack/domain';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  parseEmail,
  parseHubspotId,
  parseInteger,
  parseList,
  parseOption,
  parsePercent,
  parseScore,
  parseText,
  parseTier,
  parseUrl,
  parseYesNo,
} from './parse-values';

const value = <T>(r: { ok: true; value: T } | { ok: false; reason: string }) => (r.ok ? r.value : `ERR ${r.reason}`);

describe('parseYesNo', () => {
  it.each(['yes', 'Y', 'TRUE', 'true', '1', '✓', '✅', 'x', 'X', 'oui', 'Sí', 'ja', 'Yes.', true, 1])('%j → true', (v) => {
    expect(value(parseYesNo(v))).toBe(true);
  });
  it.each(['no', 'N', 'FALSE', '0', '✗', '❌', 'non', 'nein', false, 0])('%j → false', (v) => {
    expect(value(parseYesNo(v))).toBe(false);
  });
  it.each(['', null, 'n/a', 'TBD', '?'])('%j → unanswered', (v) => {
    expect(value(parseYesNo(v))).toBeNull();
  });
  it.each(['maybe', 'yes please', 2])('refuses %j', (v) => {
    expect(parseYesNo(v).ok).toBe(false);
  });
});

describe('numbers', () => {
  it.each([
    ['6', 6],
    ['6.0', 6],
    [' 12 ', 12],
    ['1,200', 1200],
    [7, 7],
    ['', null],
  ])('parseInteger(%j) → %j', (v, n) => {
    expect(value(parseInteger(v))).toBe(n);
  });
  it.each(['6.5', 'six', '1,2', '1e3'])('parseInteger refuses %j', (v) => {
    expect(parseInteger(v).ok).toBe(false);
  });
  it('keeps scores within their bounds and reads "8/10"', () => {
    expect(value(parseScore('8/10', 1, 10))).toBe(8);
    expect(value(parseScore('0', 0, 10))).toBe(0);
    expect(parseScore('11', 0, 10)).toMatchObject({ ok: false, reason: expect.stringMatching(/outside 0–10/) });
    expect(parseScore('4/5', 1, 10).ok).toBe(false);
    expect(parseScore('0', 1, 5).ok).toBe(false);
  });
  it('reads any integer it printed', () => {
    fc.assert(fc.property(fc.integer({ min: -1e9, max: 1e9 }), (n) => value(parseInteger(String(n))) === n));
  });
});

describe('parseTier', () => {
  it.each([
    ['Tier 1', 1],
    ['tier 2', 2],
    ['T3', 3],
    ['4', 4],
    ['Tier-2 (engaged)', 2],
    [1, 1],
    ['', null],
  ])('%j → %j', (v, t) => {
    expect(value(parseTier(v))).toBe(t);
  });
  it.each(['Tier 5', '0', 'Gold', '1.5'])('refuses %j', (v) => {
    expect(parseTier(v).ok).toBe(false);
  });
});

describe('parsePercent', () => {
  it.each([
    ['7.5%', 0.075],
    ['80%', 0.8],
    ['0.075', 0.075],
    ['80', 0.8],
    ['1', 1],
    [0.5, 0.5],
  ])('%j → %j', (v, p) => {
    expect(value(parsePercent(v))).toBeCloseTo(p as number, 10);
  });
  it.each(['150', 'high', '-3'])('refuses %j', (v) => {
    expect(parsePercent(v).ok).toBe(false);
  });
});

describe('parseList', () => {
  it.each([
    ['ABC Corp, XYZ Inc, DEF Co', ['ABC Corp', 'XYZ Inc', 'DEF Co']],
    ['ABC; XYZ;DEF', ['ABC', 'XYZ', 'DEF']],
    ['ABC\nXYZ, Inc.\r\nDEF', ['ABC', 'XYZ, Inc.', 'DEF']],
    ['Acme, Inc., Globex', ['Acme, Inc.', 'Globex']],
    ['Umbrella, Hooli and Stark Industries', ['Umbrella', 'Hooli', 'Stark Industries']],
    ['Umbrella, Hooli, and Stark', ['Umbrella', 'Hooli', 'Stark']],
    ['Procter and Gamble', ['Procter and Gamble']],
    ['• Acme\n• Globex', ['Acme', 'Globex']],
    ['Société Générale, 日本電気, Zürich 🚀', ['Société Générale', '日本電気', 'Zürich 🚀']],
    ['', []],
  ])('%j → %j', (v, list) => {
    expect(value(parseList(v))).toEqual(list);
  });
});

describe('parseHubspotId', () => {
  it.each([
    ['https://app.hubspot.com/contacts/123456/company/9876543210', '9876543210'],
    ['https://app.hubspot.com/contacts/123456/record/0-2/555', '555'],
    ['https://app-eu1.hubspot.com/contacts/123456/company/42/', '42'],
    ['https://app.hubspot.com/contacts/_/company/42?tab=notes', '42'],
    ['9876543210', '9876543210'],
  ])('company %j → %j', (v, id) => {
    expect(value(parseHubspotId(v, 'company'))).toBe(id);
  });
  it('reads contacts and refuses links to the other kind of record', () => {
    expect(value(parseHubspotId('https://app.hubspot.com/contacts/1/contact/77', 'contact'))).toBe('77');
    expect(value(parseHubspotId('https://app.hubspot.com/contacts/1/record/0-1/77', 'contact'))).toBe('77');
    expect(parseHubspotId('https://app.hubspot.com/contacts/1/contact/77', 'company')).toMatchObject({ ok: false });
    expect(parseHubspotId('https://example.com/company/1', 'company')).toMatchObject({ ok: false });
  });
});

describe('emails, URLs, text and options', () => {
  it('unwraps emails and refuses non-addresses', () => {
    expect(value(parseEmail('maria@snowflake.example'))).toBe('maria@snowflake.example');
    expect(value(parseEmail('Maria Gomez <maria@snowflake.example>'))).toBe('maria@snowflake.example');
    expect(value(parseEmail('mailto:tom@x.io'))).toBe('tom@x.io');
    expect(parseEmail('maria at snowflake').ok).toBe(false);
    expect(parseEmail('a@b').ok).toBe(false);
  });
  it('adds https:// to bare domains and refuses other schemes', () => {
    expect(value(parseUrl('acme.com'))).toBe('https://acme.com');
    expect(value(parseUrl('www.acme.com/partners?x=1'))).toBe('https://www.acme.com/partners?x=1');
    expect(value(parseUrl('http://notion.so/page'))).toBe('http://notion.so/page');
    expect(parseUrl('javascript:alert(1)').ok).toBe(false);
    expect(parseUrl('not a url').ok).toBe(false);
  });
  it('limits text length and undoes export neutralisation', () => {
    expect(value(parseText('  hi  ', 10))).toBe('hi');
    expect(value(parseText("'=SUM(A1)", 100))).toBe('=SUM(A1)');
    expect(parseText('x'.repeat(11), 10)).toMatchObject({ ok: false, reason: 'longer than 10 characters (11)' });
  });
  it('finds option values and keeps unknown ones as typed only in open lists', () => {
    expect(value(parseOption('Phase 2', DEFAULT_OPTION_LISTS.phase))).toBe('Phase 2: Activate');
    expect(value(parseOption('tech vendor', DEFAULT_OPTION_LISTS.partnerType))).toBe('Tech Vendor');
    expect(value(parseOption('Reseller', DEFAULT_OPTION_LISTS.partnerType))).toBe('Reseller');
    expect(parseOption('Reseller', DEFAULT_OPTION_LISTS.partnerType, false).ok).toBe(false);
  });
});
