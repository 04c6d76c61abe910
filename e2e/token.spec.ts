// (7) Browser mode is only for whoever holds the printed URL: a page or WebSocket without the
// token, with a wrong one, or under another Host name (DNS rebinding) gets nothing.
import { request as httpRequest } from 'node:http';
import { expect, test } from './fixtures.ts';

/** A GET with a chosen Host header (a browser cannot forge one; a rebinding page sends its own). */
function getWithHost(url: string, host: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { headers: { host } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

test('browser mode refuses a wrong token, no token, and a foreign Host name', async ({
  page,
  served,
}) => {
  const token = new URL(served.url).searchParams.get('token') ?? '';
  expect(token.length).toBeGreaterThanOrEqual(20);

  // One character changed — to another one: a token that happened to end in "x" (1 in 64) once
  // made this "wrong" token the right one.
  const wrongToken = `${token.slice(0, -1)}${token.endsWith('x') ? 'y' : 'x'}`;
  const wrong = await page.goto(`${served.origin}/?token=${wrongToken}`);
  expect(wrong?.status()).toBe(401);
  await expect(page.locator('body')).toContainText('missing or wrong token');
  await expect(page.getByTestId('transport')).toHaveCount(0);

  const none = await page.goto(`${served.origin}/`);
  expect(none?.status()).toBe(401);
  await expect(page.locator('body')).toContainText('missing or wrong token');

  // The API socket: refused without the token (this page holds no cookie), from this very origin.
  const socketOutcome = await page.evaluate(async (origin) => {
    const attempt = (query: string): Promise<string> =>
      new Promise((resolve) => {
        const socket = new WebSocket(`${origin.replace('http', 'ws')}/api${query}`);
        socket.onopen = () => {
          socket.close();
          resolve('open');
        };
        socket.onerror = () => resolve('refused');
      });
    return { none: await attempt(''), wrong: await attempt('?token=wrong') };
  }, served.origin);
  expect(socketOutcome).toEqual({ none: 'refused', wrong: 'refused' });

  // The right token but another Host name: refused too.
  const port = new URL(served.origin).port;
  const rebound = await getWithHost(served.url, `attacker.example:${port}`);
  expect(rebound.status).toBe(401);
  expect(rebound.body).toContain('missing or wrong token');
  // The control: the same request under 127.0.0.1 is served (the test above can fail).
  expect((await getWithHost(served.url, `127.0.0.1:${port}`)).status).toBe(200);

  // And the real URL opens the app, whose socket then works.
  await page.goto(served.url);
  await expect(page.getByTestId('transport')).toHaveText('websocket');

  // The token left the address bar (history, bookmarks), and no cookie carries it: cookies
  // ignore ports, so every other server on 127.0.0.1 this browser visits would receive them.
  expect(new URL(page.url()).searchParams.get('token')).toBeNull();
  const cookies = await page.context().cookies(served.origin);
  expect(cookies.length).toBeGreaterThan(0);
  for (const cookie of cookies) expect(cookie.value).not.toBe(token);
  // This page holds the asset cookie now, and still the socket needs the token itself.
  const withCookieOnly = await page.evaluate(
    (origin) =>
      new Promise<string>((resolve) => {
        const socket = new WebSocket(`${origin.replace('http', 'ws')}/api`);
        socket.onopen = () => {
          socket.close();
          resolve('open');
        };
        socket.onerror = () => resolve('refused');
      }),
    served.origin,
  );
  expect(withCookieOnly).toBe('refused');
  // A reload (no token in the URL any more) still connects.
  await page.reload();
  await expect(page.getByTestId('transport')).toHaveText('websocket');
});
