import { useSyncExternalStore } from 'react';

// Interim sign-in (until the sessions of issue #16): the bearer token lives in this tab's
// sessionStorage only, so closing the tab signs out and no other tab or site sees it.
const KEY = 'kensho.token';
const listeners = new Set<() => void>();

export interface Principal {
  role: string;
  department: string | null;
  actorId: string;
}

export const currentToken = (): string | null => sessionStorage.getItem(KEY);

export function saveToken(token: string | null): void {
  if (token === null) sessionStorage.removeItem(KEY);
  else sessionStorage.setItem(KEY, token);
  for (const listener of listeners) listener();
}

export function useToken(): string | null {
  return useSyncExternalStore((listener) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  }, currentToken);
}

export const ROLE_LABELS: Record<string, string> = {
  department: '所管課',
  planning: '企画課',
  committee: '総合戦略推進会議',
  auditor: '監査',
  admin: '管理者',
};
