/**
 * HTTP responses of simulated containers, as `curl http://<podIP>/path` shows them.
 */
import type { ProgramContext, RunPlan } from './program';
import { formatErrorPage, MYAPP_NGINX_VERSION, NGINX_WELCOME_PAGE } from './nginx';
import { isTestServer, serveTestServer } from './agnhost';

/** An HTTP response; status 0 means the connection was refused because nothing listens. */
export interface HttpResponse {
  status: number;
  body: string;
}

/** Returns the body `myapp:<version>` serves on `/`. */
export function formatMyappIndex(version: string): string {
  return `Hello MyApp | Version: ${version} | <a href="hostname.html">Pod Name</a>\n`;
}

/** nginx's document root in the nginx and myapp images. */
const DOCUMENT_ROOT = '/usr/share/nginx/html';

/**
 * Returns nginx's response for a page the container's processes wrote or
 * removed under the document root (`written`, null for removed), or
 * undefined when the page is the image's own. A removed index of a folder
 * is 403, because nginx lists no folders.
 */
function serveWrittenPage(cleanPath: string, written: ReadonlyMap<string, string | null>, nginxVersion: string): HttpResponse | undefined {
  const folder = cleanPath.endsWith('/');
  const file = DOCUMENT_ROOT + (folder ? `${cleanPath}index.html` : cleanPath);
  if (!written.has(file)) return undefined;
  const content = written.get(file);
  if (content !== null && content !== undefined) return { status: 200, body: content };
  return folder ? { status: 403, body: formatErrorPage('403 Forbidden', nginxVersion) } : { status: 404, body: formatErrorPage('404 Not Found', nginxVersion) };
}

/**
 * Returns the response to a GET request for `path` on port 80 of a container running `plan`.
 * myapp serves its version on `/` and the pod's hostname on `/hostname.html`;
 * nginx serves its welcome page; other paths get nginx's 404 page.
 * `written` contains the files the container's processes wrote (null: removed) by then, which
 * nginx and myapp serve from their document root instead. `at` is the
 * request's time (ms), on which the agnhost servers' responses depend. It
 * defaults to the container's start.
 */
export function serveHttp(plan: RunPlan, ctx: ProgramContext, path: string, written?: ReadonlyMap<string, string | null>, at = ctx.startedAt): HttpResponse {
  if (isTestServer(plan.serves)) return serveTestServer(plan.serves, path, at, ctx.startedAt, ctx.hostname);
  const cleanPath = (path.split(/[?#]/)[0] || '/').replace(/\/{2,}/g, '/');
  if (written && (plan.serves === 'myapp' || plan.serves === 'nginx')) {
    const nginxVersion = plan.serverVersion ?? (plan.serves === 'myapp' ? MYAPP_NGINX_VERSION : '1.29.3');
    const page = serveWrittenPage(cleanPath, written, nginxVersion);
    if (page) return page;
  }
  switch (plan.serves) {
    case 'myapp': {
      const nginxVersion = plan.serverVersion ?? MYAPP_NGINX_VERSION;
      if (cleanPath === '/' || cleanPath === '/index.html') {
        return { status: 200, body: formatMyappIndex(plan.version ?? 'v1') };
      }
      if (cleanPath === '/hostname.html') return { status: 200, body: `${ctx.hostname}\n` };
      return { status: 404, body: formatErrorPage('404 Not Found', nginxVersion) };
    }
    case 'nginx': {
      const nginxVersion = plan.serverVersion ?? '1.29.3';
      if (cleanPath === '/' || cleanPath === '/index.html') return { status: 200, body: NGINX_WELCOME_PAGE };
      return { status: 404, body: formatErrorPage('404 Not Found', nginxVersion) };
    }
    case 'generic-http':
      // Simplified: a real server's responses depend on the image; kubesim returns an empty 200 for every path.
      return { status: 200, body: '' };
    default:
      return { status: 0, body: '' };
  }
}
