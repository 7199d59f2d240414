import { useEffect, useState, type ReactNode } from 'react';

export type Loaded<T> = { state: 'loading' } | { state: 'error'; message: string } | { state: 'ready'; data: T };

/** Runs a load when the inputs change; a later load wins over an earlier one still running. */
export function useLoad<T>(load: () => Promise<T>, inputs: unknown[]): Loaded<T> {
  const [result, setResult] = useState<Loaded<T>>({ state: 'loading' });
  useEffect(() => {
    let current = true;
    setResult({ state: 'loading' });
    load().then(
      (data) => current && setResult({ state: 'ready', data }),
      (error: Error) => current && setResult({ state: 'error', message: error.message }),
    );
    return () => {
      current = false;
    };
    // biome-ignore lint/correctness/useExhaustiveDependencies: the caller names the inputs, as with useEffect itself; `load` is re-created each render by design
  }, inputs);
  return result;
}

/** Loading and failure said in words, to screen readers too; the content once it is there. */
export function Await<T>({ loaded, children }: { loaded: Loaded<T>; children: (data: T) => ReactNode }) {
  if (loaded.state === 'loading') return <p role="status">読み込み中…</p>;
  if (loaded.state === 'error')
    return (
      <p role="alert" className="notice alert">
        読み込めませんでした：{loaded.message}
      </p>
    );
  return <>{children(loaded.data)}</>;
}
