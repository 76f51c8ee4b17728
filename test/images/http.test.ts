import { describe, expect, it } from 'vitest';
import { serveHttp } from '../../src/images/http';
import { planContainer, type RunPlan } from '../../src/images/program';
import { newContext } from './helpers';

const ctx = newContext({ podName: 'nginx-deployment-5df65767f-4wxdv', hostname: 'nginx-deployment-5df65767f-4wxdv' });

describe('serveHttp', () => {
  it('answers the myapp version line on /', () => {
    const plan = planContainer({ name: 'nginx', image: 'hub.atguigu.com/library/myapp:v1' }, ctx);
    expect(serveHttp(plan, ctx, '/')).toEqual({
      status: 200,
      body: 'Hello MyApp | Version: v1 | <a href="hostname.html">Pod Name</a>\n',
    });
  });

  it('answers v2 after the image changes', () => {
    const plan = planContainer({ name: 'nginx', image: 'wangyanglinux/myapp:v2' }, ctx);
    expect(serveHttp(plan, ctx, '/index.html').body).toBe('Hello MyApp | Version: v2 | <a href="hostname.html">Pod Name</a>\n');
  });

  it('answers the pod name on /hostname.html', () => {
    const plan = planContainer({ name: 'nginx', image: 'wangyanglinux/myapp:v1' }, ctx);
    expect(serveHttp(plan, ctx, '/hostname.html')).toEqual({ status: 200, body: 'nginx-deployment-5df65767f-4wxdv\n' });
  });

  it('answers myapp 404s with the old nginx error page', () => {
    const plan = planContainer({ name: 'nginx', image: 'wangyanglinux/myapp:v1' }, ctx);
    expect(serveHttp(plan, ctx, '/missing')).toEqual({
      status: 404,
      body: '<html>\n<head><title>404 Not Found</title></head>\n<body bgcolor="white">\n'
        + '<center><h1>404 Not Found</h1></center>\n<hr><center>nginx/1.12.2</center>\n</body>\n</html>\n',
    });
  });

  it('serves the nginx welcome page', () => {
    const plan = planContainer({ name: 'web', image: 'nginx:1.25' }, ctx);
    const response = serveHttp(plan, ctx, '/');
    expect(response.status).toBe(200);
    expect(response.body).toContain('<title>Welcome to nginx!</title>');
    expect(response.body.length).toBe(615);
  });

  it('answers nginx 404s with its version', () => {
    const plan = planContainer({ name: 'web', image: 'nginx:1.25' }, ctx);
    expect(serveHttp(plan, ctx, '/nope?x=1')).toEqual({
      status: 404,
      body: '<html>\n<head><title>404 Not Found</title></head>\n<body>\n'
        + '<center><h1>404 Not Found</h1></center>\n<hr><center>nginx/1.25.5</center>\n</body>\n</html>\n',
    });
  });

  it('refuses connections when nothing listens', () => {
    const plan = planContainer({ name: 'job', image: 'busybox', command: ['sleep', '60'] }, ctx);
    expect(serveHttp(plan, ctx, '/')).toEqual({ status: 0, body: '' });
  });
});

describe('serveHttp with written pages', () => {
  const plan = { output: [], ignoresSigterm: false, terminationMs: 100, serves: 'nginx', serverVersion: '1.25.5' } as RunPlan;
  const ctx = { podName: 'web', hostname: 'web', podIP: '10.244.1.5', namespace: 'default', nodeName: 'k8s-node01', startedAt: 0, env: {} };

  it('serves a page written into the document root', () => {
    expect(serveHttp(plan, ctx, '/index1.html', new Map([['/usr/share/nginx/html/index1.html', '123\n']]))).toEqual({ status: 200, body: '123\n' });
  });

  it('answers 404 for a removed page and 403 for a folder without its index', () => {
    const written = new Map([['/usr/share/nginx/html/index.html', null]]);
    expect(serveHttp(plan, ctx, '/index.html', written).status).toBe(404);
    expect(serveHttp(plan, ctx, '/', written)).toEqual({
      status: 403,
      body: '<html>\n<head><title>403 Forbidden</title></head>\n<body>\n<center><h1>403 Forbidden</h1></center>\n<hr><center>nginx/1.25.5</center>\n</body>\n</html>\n',
    });
  });
});
