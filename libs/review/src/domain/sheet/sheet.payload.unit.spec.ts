import { assigned, kikaku, planning } from '../testing/fixtures.js';
import { sheet } from '../testing/specs.js';
import type { AssignSheet } from './sheet.commands.js';
import type { SheetContentPatch } from './sheet.content.js';

const assign = (overrides: Partial<AssignSheet> = {}): AssignSheet => ({
  type: 'AssignSheet',
  sheetId: '2016.1-15.sangyoshinko',
  fiscalYear: 2016,
  projectCode: '1-15',
  projectName: '国内外販路開拓支援等事業',
  department: '産業振興課',
  policyAreas: ['1'],
  ...overrides,
});

describe('the decider validates payloads as the last line of defence', () => {
  it('refuses a negative amount', () => {
    const error = sheet
      .given([assigned()])
      .when({ type: 'ReviseSheetContent', changes: { finance: { funding: { generalFund: -5 } } } }, kikaku)
      .thenThrows('value.negative_amount', { field: 'finance.funding.generalFund', value: -5 });
    expect(error.kind).toBe('validation');
  });

  it('names every bad field at once', () => {
    const changes = { category: 'old', finance: { budget: -1 }, strategyKpis: [{ name: '' }] } as unknown as SheetContentPatch;
    const error = sheet.given([assigned()]).when({ type: 'ReviseSheetContent', changes }, kikaku).thenThrows('value.invalid_enum');
    const fields = ((error.details?.issues ?? []) as Array<{ field: string }>).map((i) => i.field);
    expect(fields).toEqual(expect.arrayContaining(['category', 'finance.budget', 'strategyKpis[0].name', 'strategyKpis[0].target']));
  });

  it('refuses unknown fields instead of silently dropping them', () => {
    sheet
      .given([assigned()])
      .when({ type: 'ReviseSheetContent', changes: { sumary: 'typo' } as unknown as SheetContentPatch }, kikaku)
      .thenThrows('value.unknown_field', { field: 'sumary' });
  });

  it('refuses an unknown evaluation choice', () => {
    sheet
      .given([assigned()])
      .when({ type: 'RecordDepartmentEvaluation', evaluation: { direction: 'maybe' as never } }, kikaku)
      .thenThrows('value.invalid_enum', { field: 'evaluation.direction' });
  });

  it('refuses an unknown command type', () => {
    sheet
      .given([assigned()])
      .when({ type: 'DeleteSheet' } as never, planning)
      .thenThrows('sheet.unknown_command');
  });

  it('refuses an unknown policy area', () => {
    sheet
      .given([])
      .when(assign({ policyAreas: ['5'] }), planning)
      .thenThrows('sheet.invalid_policy_area');
  });

  it('refuses a sheet id that is not derived from year, project and department', () => {
    sheet
      .given([])
      .when(assign({ sheetId: '2016.1-15.nosuisan' }), planning)
      .thenThrows('sheet.invalid_id', { value: '2016.1-15.nosuisan' });
  });

  it('assigns a sheet carried forward from last year, with last year’s facts cleared', () => {
    const [event] = sheet
      .given([])
      .when(
        assign({
          sheetId: '2017.1-01.kikaku',
          fiscalYear: 2017,
          projectCode: '1-01',
          department: '企画課',
          carriedForward: { fromSheetId: '2016.1-01.kikaku', content: sheet.given([assigned()]).state.content },
        }),
        planning,
      )
      .events();
    expect(event).toMatchObject({ type: 'SheetAssigned', data: { sheetId: '2017.1-01.kikaku', carriedFrom: '2016.1-01.kikaku' } });
  });

  it('carries the static data of a filled-in sheet forward', () => {
    const previous = sheet.given([
      assigned(),
      { type: 'SheetContentRevised', data: { changes: { category: 'new', finance: { settlement: 177 } }, fields: [] } },
    ]).state.content;
    const [event] = sheet
      .given([])
      .when(
        assign({ sheetId: '2017.1-15.sangyoshinko', fiscalYear: 2017, carriedForward: { fromSheetId: '2016.1-15.sangyoshinko', content: previous } }),
        planning,
      )
      .events();
    expect(event?.type === 'SheetAssigned' && event.data.content).toMatchObject({ category: 'continuing', finance: { settlement: null } });
  });
});
