import { useState, type FormEvent } from 'react';
import { api, body } from '../api/client';
import { useScreenTitle } from '../router';
import { ROLE_LABELS, saveToken } from '../session';
import { useLoad } from '../ui/load';

interface DemoAccount {
  role: string;
  department: string | null;
  token: string;
}

/** Interim: a pasted bearer token, or in the embedded demo a demo role. Sessions (issue #16) replace it. */
export function SignInPage() {
  useScreenTitle('サインイン');
  const [token, setToken] = useState('');
  const [error, setError] = useState<string | null>(() => {
    const message = sessionStorage.getItem('kensho.signInMessage');
    sessionStorage.removeItem('kensho.signInMessage');
    return message;
  });
  // Answers only in the embedded demo, from this machine; anywhere else there is no such route.
  const demo = useLoad(async () => body<{ accounts: DemoAccount[] }>(await api.GET('/api/v1/demo/accounts')).accounts, []);

  const signIn = async (candidate: string) => {
    const trimmed = candidate.trim();
    if (!trimmed) {
      setError('アクセストークンを入力してください。');
      return;
    }
    const { response } = await api.GET('/api/v1/me', { headers: { Authorization: `Bearer ${trimmed}` } });
    if (!response.ok) {
      setError('このトークンではサインインできません（無効または失効したトークンです）。');
      return;
    }
    saveToken(trimmed);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void signIn(token);
  };

  return (
    <main id="main" tabIndex={-1}>
      <h1 id="screen-title" tabIndex={-1}>
        Kensho 効果検証 サインイン
      </h1>
      <p className="notice">
        これは<strong>暫定のサインイン</strong>です。職員用のセッションによるサインインができるまで、発行されたアクセストークンを貼り付けて使います。
        トークンはこのタブを閉じると消えます。
      </p>
      {demo.state === 'ready' && demo.data.length > 0 && (
        <section aria-labelledby="demo-title">
          <h2 id="demo-title">デモ用アカウント</h2>
          <p className="hint">この端末で動いている組み込みデモでのみ表示されます。</p>
          <ul className="accounts">
            {demo.data.map((account) => (
              <li key={account.role}>
                <button type="button" className="button secondary" onClick={() => void signIn(account.token)}>
                  {ROLE_LABELS[account.role] ?? account.role}
                  {account.department ? `（${account.department}）` : ''}としてサインイン
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
      <form onSubmit={submit} noValidate>
        <h2>トークンでサインイン</h2>
        <div className="field">
          <label htmlFor="token">アクセストークン</label>
          <p className="hint" id="token-hint">
            管理者から受け取ったトークンを貼り付けてください。
          </p>
          <input
            id="token"
            name="token"
            type="password"
            autoComplete="off"
            spellCheck={false}
            value={token}
            onChange={(event) => setToken(event.target.value)}
            aria-describedby={error ? 'token-hint token-error' : 'token-hint'}
            aria-invalid={error ? true : undefined}
          />
          {error && (
            <p className="error" id="token-error" role="alert">
              {error}
            </p>
          )}
        </div>
        <button type="submit" className="button primary">
          サインイン
        </button>
      </form>
    </main>
  );
}
