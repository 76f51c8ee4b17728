/**
 * HTTP responses of simulated containers, as `curl http://<podIP>/path` shows them.
 */
import type { ProgramContext, RunPlan } from './program';
import { formatErrorPage, MYAPP_NGINX_VERSION, NGINX_WELCOME_PAGE } from './nginx';

/** An HTTP response; status 0 means the connection was refused because nothing listens. */
export interface HttpResponse {
  status: number;
  body: string;
}

/** Returns the body `myapp:<version>` serves on `/`. */
export function formatMyappIndex(version: string): string {
  return `Hello MyApp | Version: ${version} | <a href="hostname.html">Pod Name</a>\n`;
}

/**
 * Returns the response to a GET request for `path` on port 80 of a container running `plan`.
 * myapp serves its version on `/` and the pod's hostname on `/hostname.html`;
 * nginx serves its welcome page; other paths get nginx's 404 page.
 */
export function serveHttp(plan: RunPlan, ctx: ProgramContext, path: string): HttpResponse {
  const cleanPath = (path.split(/[?#]/)[0] || '/').replace(/\/{2,}/g, '/');
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
