import { describe, expect, it } from 'vitest';
import { completeElements, isDateFormat, parseDateStyles, parseWorkbook, stringItemText, unescapeXml } from './xlsx-parts';

describe('xlsx parts', () => {
  it('unescapes entities, character references and _xHHHH_ escapes', () => {
    expect(unescapeXml('a &amp; b &lt;c&gt; &quot;&apos; &#233; &#x1F680; line_x000D_end')).toBe('a & b <c> "\' é 🚀 line\rend');
    expect(unescapeXml('plain')).toBe('plain');
  });

  it('joins the text runs of a string item and leaves phonetic runs out', () => {
    expect(stringItemText('<r><rPr><b/></rPr><t>Top </t></r><r><t xml:space="preserve">partner</t></r>')).toBe('Top partner');
    expect(stringItemText('<t>東京</t><rPh sb="0" eb="2"><t>トウキョウ</t></rPh>')).toBe('東京');
    expect(stringItemText('<t/>')).toBe('');
  });

  it('finds sheets through the relationships, relative or absolute, and the 1904 date system', () => {
    const info = parseWorkbook(
      '<workbook><workbookPr date1904="1"/><sheets><sheet name="A &amp; B" sheetId="1" r:id="rId3"/><sheet sheetId="2" name="Two" r:id="rId4"/></sheets></workbook>',
      '<Relationships><Relationship Id="rId3" Target="worksheets/sheet1.xml"/><Relationship Target="/xl/worksheets/other.xml" Id="rId4"/></Relationships>',
    );
    expect(info).toEqual({
      sheets: [
        { name: 'A & B', target: 'xl/worksheets/sheet1.xml' },
        { name: 'Two', target: 'xl/worksheets/other.xml' },
      ],
      date1904: true,
    });
  });

  it('tells date styles from number styles, built-in and custom', () => {
    const styles =
      '<styleSheet><numFmts><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/><numFmt numFmtId="165" formatCode="&quot;$&quot;#,##0"/></numFmts>' +
      '<cellXfs count="5"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="165"/><xf numFmtId="4"/></cellXfs></styleSheet>';
    expect(parseDateStyles(styles)).toEqual([false, true, true, false, false]);
    expect(isDateFormat('[Red]0.00;"days"')).toBe(false);
    expect(isDateFormat('d-mmm-yy')).toBe(true);
  });

  it('returns complete elements and keeps a partial one for the next chunk', () => {
    const tag = /<row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/row>)/g;
    const { items, rest } = completeElements('<row r="1"><c/></row><row r="2"/><row r="3"><c r="A3"', tag);
    expect(items.map((m) => m[1])).toEqual([' r="1"', ' r="2"']);
    expect(rest).toBe('<row r="3"><c r="A3"');
  });
});
