import { defined } from '@ptrack/domain';

// Small parsers for the parts of an .xlsx package (ECMA-376): workbook, relationships, styles, shared
// strings. Regular expressions suffice: these parts are machine-written XML, read once per import.

const ENTITY = /&(?:(amp|lt|gt|quot|apos)|#(\d+)|#x([0-9a-fA-F]+));|_x([0-9A-Fa-f]{4})_/g;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** XML text to a string: entities, character references and OOXML's _xHHHH_ escapes (e.g. _x000D_ = CR). */
export function unescapeXml(s: string): string {
  if (s.indexOf('&') < 0 && s.indexOf('_x') < 0) return s;
  return s.replace(ENTITY, (_, name, dec, hex, ooxml) =>
    name ? defined(NAMED[name]) : String.fromCodePoint(Number.parseInt(dec ?? hex ?? ooxml, dec ? 10 : 16)),
  );
}

const ATTRIBUTE = /([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
export function attributes(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of tag.matchAll(ATTRIBUTE)) out[defined(m[1]).replace(/^\w+:(?=id$)/, 'r:')] = unescapeXml(m[2] ?? m[3] ?? '');
  return out;
}

/** The text of a string item (<si> or <is>): its <t> runs joined, phonetic runs (<rPh>) left out. */
const PHONETIC = /<(?:\w+:)?rPh\b[\s\S]*?<\/(?:\w+:)?rPh>/g;
const TEXT_RUN = /<(?:\w+:)?t(?:\s[^>]*)?>([\s\S]*?)<\/(?:\w+:)?t>/g;
export function stringItemText(xml: string): string {
  const clean = xml.indexOf('rPh') >= 0 ? xml.replace(PHONETIC, '') : xml;
  TEXT_RUN.lastIndex = 0;
  let m = TEXT_RUN.exec(clean);
  if (m === null) return '';
  let text = defined(m[1]);
  for (m = TEXT_RUN.exec(clean); m; m = TEXT_RUN.exec(clean)) text += m[1];
  return unescapeXml(text);
}

export type WorkbookInfo = { sheets: { name: string; target: string }[]; date1904: boolean };

export function parseWorkbook(workbookXml: string, relsXml: string): WorkbookInfo {
  const targets = new Map<string, string>();
  for (const m of relsXml.matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)) {
    const a = attributes(m[0]);
    if (a.Id && a.Target)
      targets.set(a.Id, a.Target.startsWith('/') ? a.Target.slice(1) : `xl/${a.Target}`.replace(/[^/]+\/\.\.\//g, ''));
  }
  const sheets: WorkbookInfo['sheets'] = [];
  for (const m of workbookXml.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
    const a = attributes(m[0]);
    const target = a['r:id'] ? targets.get(a['r:id']) : undefined;
    if (a.name !== undefined && target) sheets.push({ name: a.name, target });
  }
  const pr = /<(?:\w+:)?workbookPr\b[^>]*>/.exec(workbookXml);
  const date1904 = pr ? /^(1|true)$/.test(attributes(pr[0]).date1904 ?? '') : false;
  return { sheets, date1904 };
}

// Built-in number formats that show dates or times (ECMA-376 §18.8.30, plus the CJK date ids).
const BUILTIN_DATE_FORMATS = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58,
]);

/** A number format code shows a date when it has d, m, y, h or s outside quotes, brackets and escapes. */
export function isDateFormat(code: string | undefined): boolean {
  if (!code) return false;
  return /[dmyhs]/i.test(code.replace(/"[^"]*"|\[[^\]]*\]|\\./g, ''));
}

/** For each cell style index (the `s` attribute), whether it formats numbers as dates. */
export function parseDateStyles(stylesXml: string | null): boolean[] {
  if (!stylesXml) return [];
  const custom = new Map<number, string>();
  for (const m of stylesXml.matchAll(/<(?:\w+:)?numFmt\b[^>]*>/g)) {
    const a = attributes(m[0]);
    custom.set(Number(a.numFmtId), a.formatCode ?? '');
  }
  const xfs = /<(?:\w+:)?cellXfs\b[^>]*>([\s\S]*?)<\/(?:\w+:)?cellXfs>/.exec(stylesXml)?.[1];
  if (xfs === undefined) return [];
  return [...xfs.matchAll(/<(?:\w+:)?xf\b[^>]*>/g)].map((m) => {
    const id = Number(attributes(m[0]).numFmtId ?? 0);
    return BUILTIN_DATE_FORMATS.has(id) || isDateFormat(custom.get(id));
  });
}

/** Every complete `<tag …>…</tag>` or `<tag …/>` in `pending`, and the unconsumed rest. */
export function completeElements(pending: string, tag: RegExp): { items: RegExpExecArray[]; rest: string } {
  const items: RegExpExecArray[] = [];
  tag.lastIndex = 0;
  let end = 0;
  for (let m = tag.exec(pending); m; m = tag.exec(pending)) {
    items.push(m);
    end = tag.lastIndex;
  }
  return { items, rest: pending.slice(end) };
}
