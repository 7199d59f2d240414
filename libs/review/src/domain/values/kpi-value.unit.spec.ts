import { parseKpiCell, parseKpiValue } from './kpi-value.js';

describe('parseKpiValue', () => {
  it.each([
    ['1,750人', { text: '1,750人', number: 1750, unit: '人', status: 'numeric' }],
    ['約110人', { text: '約110人', number: 110, unit: '人', approximate: true, status: 'numeric' }],
    ['42.8%', { text: '42.8%', number: 42.8, unit: '%', status: 'numeric' }],
    ['2,530万トン', { text: '2,530万トン', number: 2530, unit: '万トン', status: 'numeric' }],
    ['6件(6市町)', { text: '6件(6市町)', number: 6, unit: '件', status: 'numeric' }],
    ['0人', { text: '0人', number: 0, unit: '人', status: 'numeric' }],
    ['187,741人', { text: '187,741人', number: 187741, unit: '人', status: 'numeric' }],
  ])('reads %s as a number with its printed unit', (text, expected) => {
    expect(parseKpiValue(text)).toEqual(expected);
  });

  it.each(['1日1往復', '実施', '構想策定'])('keeps %s as qualitative text without guessing a number', (text) => {
    expect(parseKpiValue(text)).toEqual({ text, status: 'qualitative' });
  });

  it('reads a survey that was not carried out as not measured', () => {
    expect(parseKpiValue('アンケート未実施')).toEqual({ text: 'アンケート未実施', status: 'not_measured' });
  });

  it('reads 調査中 as in progress', () => {
    expect(parseKpiValue('調査中')).toEqual({ text: '調査中', status: 'in_progress' });
  });

  it.each(['-', '－', ''])('reads %p as empty', (text) => {
    expect(parseKpiValue(text)).toEqual({ text, status: 'empty' });
  });

  it('keeps the original text verbatim, full-width digits included', () => {
    expect(parseKpiValue('１，７５０人')).toEqual({ text: '１，７５０人', number: 1750, unit: '人', status: 'numeric' });
  });

  it('splits a source cell into value and period', () => {
    expect(parseKpiCell('1,045人 [平成27~28年度]')).toEqual({
      value: { text: '1,045人', number: 1045, unit: '人', status: 'numeric' },
      period: { from: 2015, to: 2016 },
    });
    expect(parseKpiCell('42.8%[平成28年度]').period).toEqual({ from: 2016, to: 2016 });
    expect(parseKpiCell('10人')).toEqual({ value: parseKpiValue('10人'), period: null });
  });
});
