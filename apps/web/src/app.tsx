import { api, ApiError, body } from './api/client';
import { DepartmentHome } from './pages/department-home';
import { PlanningHome } from './pages/planning-home';
import { SheetEditorPage } from './pages/sheet-editor';
import { SheetPage } from './pages/sheet-page';
import { SignInPage } from './pages/sign-in-page';
import { Link, navigate, usePath, useScreenTitle } from './router';
import { ROLE_LABELS, saveToken, useToken, type Principal } from './session';
import { Await, useLoad } from './ui/load';

export function App() {
  const token = useToken();
  if (!token) return <SignInPage />;
  return <SignedIn token={token} />;
}

function SignedIn({ token }: { token: string }) {
  const me = useLoad(async () => {
    try {
      return body<Principal>(await api.GET('/api/v1/me'));
    } catch (error) {
      // A revoked or mistyped token: back to the sign-in page, saying why.
      if (error instanceof ApiError && error.status === 401) {
        saveToken(null);
        sessionStorage.setItem('kensho.signInMessage', 'トークンが無効です。もう一度サインインしてください。');
      }
      throw error;
    }
  }, [token]);
  return <Await loaded={me}>{(principal) => <Shell principal={principal} />}</Await>;
}

function Shell({ principal }: { principal: Principal }) {
  const path = usePath();
  const signOut = () => {
    saveToken(null);
    navigate('/');
  };
  return (
    <>
      <a className="skip-link" href="#main">
        本文へ移動
      </a>
      <header className="banner">
        <Link className="brand" href="/">
          Kensho 効果検証
        </Link>
        <div className="who">
          <section className="who" aria-label="サインイン中">
            <span>役割：{ROLE_LABELS[principal.role] ?? principal.role}</span>
            {principal.department && <span>所管課：{principal.department}</span>}
          </section>
          <button type="button" className="button secondary" onClick={signOut}>
            サインアウト
          </button>
        </div>
      </header>
      <p className="interim">暫定のサインイン方式です（トークンを使用）。セッションによる正式なサインインは準備中です。</p>
      <main id="main" tabIndex={-1}>
        <Screen path={path} principal={principal} />
      </main>
    </>
  );
}

function Screen({ path, principal }: { path: string; principal: Principal }) {
  const edit = /^\/sheets\/([^/]+)\/edit$/.exec(path);
  if (edit && principal.role === 'department') return <SheetEditorPage id={decodeURIComponent(edit[1]!)} />;
  const sheet = /^\/sheets\/([^/]+)$/.exec(path);
  if (sheet) return <SheetPage id={decodeURIComponent(sheet[1]!)} role={principal.role} />;
  if (path === '/' || path === '/sign-in') {
    if (principal.role === 'department') return <DepartmentHome department={principal.department ?? ''} />;
    if (principal.role === 'planning') return <PlanningHome />;
    return <OtherRole role={principal.role} />;
  }
  return <NotFound />;
}

function OtherRole({ role }: { role: string }) {
  useScreenTitle('ホーム');
  return (
    <>
      <h1 id="screen-title" tabIndex={-1}>
        ホーム
      </h1>
      <p>{ROLE_LABELS[role] ?? role}の画面は準備中です。</p>
    </>
  );
}

function NotFound() {
  useScreenTitle('ページが見つかりません');
  return (
    <>
      <h1 id="screen-title" tabIndex={-1}>
        ページが見つかりません
      </h1>
      <p>
        <Link href="/">ホームへ戻る</Link>
      </p>
    </>
  );
}
