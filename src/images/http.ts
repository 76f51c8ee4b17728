// Placeholder until the images branch lands.
import type { ProgramContext, RunPlan } from './program.js';
export function serveHttp(plan: RunPlan, ctx: ProgramContext, path: string): { status: number; body: string } {
  if (plan.serves === 'myapp') {
    if (path === '/hostname.html') return { status: 200, body: `${ctx.hostname}\n` };
    return { status: 200, body: `Hello MyApp | Version: ${plan.version} | <a href="hostname.html">Pod Name</a>\n` };
  }
  return { status: 200, body: '' };
}
