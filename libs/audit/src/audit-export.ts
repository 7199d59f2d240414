import { csvRow } from '@kensho/platform';
import { changeLine } from './describe-changes.js';
import type { AuditRow } from './audit-queries.js';

/** CSV for people (headers in Japanese), one event per row, every cell quoted and formula-safe. */
export const AUDIT_CSV_HEADER = [
  '通番',
  'ストリーム',
  '版',
  '全体位置',
  '種別',
  '実行者',
  '実行者名',
  'ロール',
  '所管課',
  '年度（西暦）',
  'コマンドID',
  '相関ID',
  '因果ID',
  '業務日時',
  '記録日時',
  '取込データ',
  '変更内容',
];

export function auditCsvLine(row: AuditRow): string {
  return csvRow([
    row.seq,
    row.streamId,
    row.revision,
    row.position,
    row.type,
    row.actorId,
    row.actorName,
    row.role,
    row.department,
    row.fiscalYear,
    row.commandId,
    row.correlationId,
    row.causationId,
    row.occurredAt,
    row.recordedAt,
    row.imported ? 'yes' : 'no',
    row.changes.map(changeLine).join('\n'),
  ]);
}

export function auditJsonLine(row: AuditRow): string {
  return JSON.stringify(row);
}
