// Placeholder contract until the image catalog lands; replaced by the images branch.
export interface ContainerSpecLite { name: string; image: string; command?: string[]; args?: string[]; env?: { name: string; value?: string }[] }
export interface ProgramContext { podName: string; hostname: string; podIP: string; namespace: string; nodeName: string; startedAt: number; env: Record<string, string> }
export interface RunPlan {
  output: { atMs: number; stream: 'stdout' | 'stderr'; line: string }[];
  exit?: { atMs: number; code: number };
  ignoresSigterm: boolean;
  terminationMs: number;
  serves?: 'myapp' | 'nginx' | 'generic-http';
  version?: string;
}
export function planContainer(spec: ContainerSpecLite, _ctx: ProgramContext): RunPlan {
  const m = /myapp:(v\d+)/.exec(spec.image);
  return { output: [], ignoresSigterm: false, terminationMs: 500, serves: m ? 'myapp' : 'generic-http', version: m?.[1] };
}
