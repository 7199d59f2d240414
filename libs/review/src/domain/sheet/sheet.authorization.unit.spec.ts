import type { Actor } from '../types.js';
import { admin, approved, assigned, auditor, committee, kikaku, planning, published, readyDraft, sangyo, submitted } from '../testing/fixtures.js';
import { sheet } from '../testing/specs.js';
import type { SheetCommand } from './sheet.commands.js';

describe('who may act on a sheet', () => {
  it("forbids a department from touching another department's sheet, before any status rule", () => {
    const error = sheet
      .given(submitted())
      .when({ type: 'ReviseSheetContent', changes: { category: 'new' } }, sangyo)
      .thenThrows('sheet.forbidden_department', { department: '産業振興課', sheetDepartment: '企画課' });
    expect(error.kind).toBe('forbidden');
  });

  it('forbids a department actor that names no department', () => {
    sheet.given(readyDraft()).when({ type: 'SubmitSheet' }, { id: 'x', role: 'department' }).thenThrows('sheet.forbidden_department');
  });

  it('recognises the owning department given by its slug', () => {
    const bySlug: Actor = { id: 'u', role: 'department', department: 'kikaku' };
    expect(sheet.given(readyDraft()).when({ type: 'SubmitSheet' }, bySlug).events()).toHaveLength(1);
  });

  it.each<[string, SheetCommand, Actor]>([
    [
      'a department assigning a sheet',
      { type: 'AssignSheet', sheetId: 'x', fiscalYear: 2016, projectCode: '1-01', projectName: 'x', department: '企画課', policyAreas: ['1'] },
      kikaku,
    ],
    ['planning revising department content', { type: 'ReviseSheetContent', changes: {} }, planning],
    ['planning submitting for the department', { type: 'SubmitSheet' }, planning],
    ['a department approving its own sheet', { type: 'ApproveSheet' }, kikaku],
    ['a department returning its own sheet', { type: 'ReturnSheet', comment: 'x' }, kikaku],
    ['planning writing the committee opinion', { type: 'RecordCommitteeOpinion', opinion: 'x' }, planning],
    ['the committee writing the city response', { type: 'RecordCityResponse', response: 'x' }, committee],
    ['a department correcting a publication', { type: 'CorrectPublishedSheet', changes: {}, reason: 'x' }, kikaku],
    ['an auditor writing anything', { type: 'ReviseSheetContent', changes: {} }, auditor],
    ['an auditor approving', { type: 'ApproveSheet' }, auditor],
    ['an admin editing content', { type: 'ReviseSheetContent', changes: {} }, admin],
  ])('forbids %s (sheet.forbidden_role)', (_name, command, actor) => {
    const error = sheet.given(submitted()).when(command, actor).thenThrows('sheet.forbidden_role', { role: actor.role, command: command.type });
    expect(error.kind).toBe('forbidden');
  });

  it('checks the role before revealing whether the sheet exists', () => {
    sheet.given([]).when({ type: 'ApproveSheet' }, auditor).thenThrows('sheet.forbidden_role');
  });

  it('lets the system role act at every step (seed importer)', () => {
    const system: Actor = { id: 'seed', role: 'system' };
    expect(
      sheet
        .given([assigned()])
        .when({ type: 'ReviseSheetContent', changes: { category: 'new' } }, system)
        .events(),
    ).toHaveLength(1);
    expect(sheet.given(submitted()).when({ type: 'ApproveSheet' }, system).events()).toHaveLength(1);
    expect(sheet.given(approved()).when({ type: 'RecordCommitteeOpinion', opinion: '意見' }, system).events()).toHaveLength(1);
    expect(
      sheet
        .given(published())
        .when({ type: 'CorrectPublishedSheet', changes: { category: 'new' }, reason: '訂正' }, system)
        .events(),
    ).toHaveLength(1);
  });
});
