import { describe, expect, it } from 'vitest';
import { changeLabel, contentTypeOf, formatBytes, formatValue, isSheetFile, optionListLabel } from './import-format';

describe('how the import wizard words things', () => {
  it('accepts CSV, TSV and Excel workbooks, declaring their content type', () => {
    expect(isSheetFile('Tracker.XLSX')).toBe(true);
    expect(isSheetFile('tracker.tsv')).toBe(true);
    expect(isSheetFile('tracker.pdf')).toBe(false);
    expect(isSheetFile('old.xls')).toBe(true); // the server explains how to save it as .xlsx
    expect(contentTypeOf('a.xlsx')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(contentTypeOf('a.csv')).toBe('text/csv');
  });

  it('shows file sizes in bytes, KB and MB', () => {
    expect(formatBytes(900)).toBe('900 B');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(25 * 1024 * 1024)).toBe('25 MB');
  });

  it('names changes by field, custom label or what the import adds', () => {
    const custom = new Map([['level', 'Level']]);
    expect(changeLabel('partnerManagerName', custom)).toBe('Partner manager');
    expect(changeLabel('custom.level', custom)).toBe('Level');
    expect(changeLabel('touch', custom)).toBe('Activity date (logged as a touch)');
    expect(changeLabel('introsMade', custom)).toBe('Intros made (baseline)');
    expect(changeLabel('pipelineValueMinor', custom)).toBe('Pipeline value (baseline)');
    expect(optionListLabel('partnerType', custom)).toBe('Partner types');
  });

  it('shows values in one line', () => {
    expect(formatValue(null)).toBe('—');
    expect(formatValue(true)).toBe('Yes');
    expect(formatValue(['ABC Corp', 'XYZ Inc'])).toBe('ABC Corp, XYZ Inc');
    expect(formatValue({ goal: '3 convos', target: 3, status: null })).toBe('goal: 3 convos; target: 3');
    expect(formatValue(120000)).toBe('120000');
  });
});
