import { describe, expect, it } from 'vitest';
import { accessListTable } from '../../../src/commands/auth/rules.js';

const URL_ROWS_116 = [
  '                                                [/api/*]            []               [get]',
  '                                                [/api]              []               [get]',
  '                                                [/apis/*]           []               [get]',
  '                                                [/apis]             []               [get]',
  '                                                [/healthz]          []               [get]',
  '                                                [/healthz]          []               [get]',
  '                                                [/livez]            []               [get]',
  '                                                [/livez]            []               [get]',
  '                                                [/openapi/*]        []               [get]',
  '                                                [/openapi]          []               [get]',
  '                                                [/readyz]           []               [get]',
  '                                                [/readyz]           []               [get]',
  '                                                [/version/]         []               [get]',
  '                                                [/version/]         []               [get]',
  '                                                [/version]          []               [get]',
  '                                                [/version]          []               [get]',
];

describe('accessListTable', () => {
  it("prints a 1.32 admin's rules sorted as kubectl sorts them", () => {
    expect(accessListTable(132, false)).toBe(
      [
        'Resources                                       Non-Resource URLs   Resource Names   Verbs',
        '*.*                                             []                  []               [*]',
        '                                                [*]                 []               [*]',
        'selfsubjectreviews.authentication.k8s.io        []                  []               [create]',
        'selfsubjectaccessreviews.authorization.k8s.io   []                  []               [create]',
        'selfsubjectrulesreviews.authorization.k8s.io    []                  []               [create]',
        ...URL_ROWS_116,
        '',
      ].join('\n'),
    );
  });

  it('leaves out the header with --no-headers, so columns fit the rules alone', () => {
    expect(accessListTable(132, true).split('\n').slice(0, 2)).toEqual([
      '*.*                                             []             []    [*]',
      '                                                [*]            []    [*]',
    ]);
  });

  it('has no selfsubjectreviews rule before 1.27', () => {
    expect(accessListTable(126, false).split('\n').slice(0, 5)).toEqual([
      'Resources                                       Non-Resource URLs   Resource Names   Verbs',
      '*.*                                             []                  []               [*]',
      '                                                [*]                 []               [*]',
      'selfsubjectaccessreviews.authorization.k8s.io   []                  []               [create]',
      'selfsubjectrulesreviews.authorization.k8s.io    []                  []               [create]',
    ]);
  });

  it('has no livez or readyz rules on 1.15', () => {
    const table = accessListTable(115, false);
    expect(table).not.toContain('/livez');
    expect(table).not.toContain('/readyz');
    expect(table.split('\n').filter((l) => l.includes('[/healthz]')).length).toBe(2);
  });
});
