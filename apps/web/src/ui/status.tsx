import { STATUS_LABELS, type SheetStatus } from '../domain';

export function StatusBadge({ status }: { status: SheetStatus }) {
  return <span className={`status status-${status}`}>{STATUS_LABELS[status] ?? status}</span>;
}
