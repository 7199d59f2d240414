import { departmentName, departmentSlug, sameDepartment } from './departments.js';
import { cycleStreamId, fiscalYearOfStream, isProjectCode, parseSheetId, parseStreamId, sheetIdFor, sheetStreamId } from './ids.js';

describe('departments and ids', () => {
  it('uses the table slug of a known department', () => {
    expect(departmentSlug('産業振興課')).toBe('sangyoshinko');
    expect(departmentSlug('農水産課')).toBe('nosuisan');
    expect(departmentName('kowanseisaku')).toBe('港湾政策課');
  });

  // Was: a hash fallback slug for any unknown name, which created sheets no department's list showed.
  it('refuses a department outside the seeded table instead of deriving a slug for it', () => {
    expect(() => departmentSlug('環境課')).toThrow(expect.objectContaining({ code: 'department.unknown' }));
    expect(() => sheetIdFor(2016, '1-01', '環境課')).toThrow(expect.objectContaining({ code: 'department.unknown' }));
    expect(sheetIdFor(2016, '1-01', { name: '環境課', slug: 'kankyo' })).toBe('2016.1-01.kankyo');
    expect(departmentName('kankyo')).toBeNull();
  });

  it('treats a name and its slug as the same department', () => {
    expect(sameDepartment('産業振興課', 'sangyoshinko')).toBe(true);
    expect(sameDepartment('産業振興課', '農水産課')).toBe(false);
  });

  it('builds sheet ids per fiscal year, project and department', () => {
    expect(sheetIdFor(2016, '1-15', '産業振興課')).toBe('2016.1-15.sangyoshinko');
    expect(sheetIdFor(2016, '1-15', '農水産課')).toBe('2016.1-15.nosuisan');
    expect(parseSheetId('2016.3-01.kanko')).toEqual({ fiscalYear: 2016, projectCode: '3-01', departmentSlug: 'kanko' });
  });

  it('refuses a project code that is not like 1-01', () => {
    expect(isProjectCode('4-01')).toBe(true);
    expect(() => sheetIdFor(2016, '1.01', '企画課')).toThrow(expect.objectContaining({ code: 'sheet.invalid_project_code' }));
  });

  it('has one written form per project code, so no spelling derives a second sheet of the same project', () => {
    for (const code of ['1-01', '1-12', '1-15', '4-01', '10-01', '1-190']) expect(isProjectCode(code)).toBe(true);
    for (const code of ['1-012', '01-12', '1-1', '1-00', '0-01', '1-0012', ' 1-12', '1-12 ']) {
      expect(isProjectCode(code)).toBe(false);
      expect(() => sheetIdFor(2017, code, '産業振興課')).toThrow(expect.objectContaining({ code: 'sheet.invalid_project_code', kind: 'validation' }));
    }
    expect(parseSheetId('2016.1-012.sangyoshinko')).toBeNull();
  });

  it('names streams <category>-<id> with a dash-free category', () => {
    expect(sheetStreamId('2016.1-15.sangyoshinko')).toBe('sheet-2016.1-15.sangyoshinko');
    expect(cycleStreamId(2016)).toBe('cycle-2016');
  });
});

describe('stream ids: built and read in one place', () => {
  it('reads what sheetStreamId and cycleStreamId build', () => {
    expect(parseStreamId(sheetStreamId('2016.1-12.sangyoshinko'))).toEqual({ category: 'sheet', sheetId: '2016.1-12.sangyoshinko', fiscalYear: 2016 });
    expect(parseStreamId(cycleStreamId(2017))).toEqual({ category: 'cycle', fiscalYear: 2017 });
    expect(parseStreamId('master-departments')).toEqual({ category: 'master', name: 'departments' });
  });

  it("names no stream for ids that are none of Kensho's", () => {
    for (const id of ['', 'sheet', 'sheet-', '-x', 'cycle-20x6', 'cycle-2016.1', 'poison-1', 'kensho']) expect(parseStreamId(id)).toBeNull();
  });

  it('gives the fiscal year of sheets and cycles, none for master data', () => {
    expect(fiscalYearOfStream('sheet-2016.1-12.sangyoshinko')).toBe(2016);
    expect(fiscalYearOfStream('cycle-2016')).toBe(2016);
    expect(fiscalYearOfStream('master-departments')).toBeNull();
  });
});
