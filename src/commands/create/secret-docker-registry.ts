/**
 * `kubectl create secret docker-registry NAME`: a
 * kubernetes.io/dockerconfigjson Secret, either from registry credentials
 * (`--docker-server`, `--docker-username`, `--docker-password`,
 * `--docker-email`) or from existing config files (`--from-file`).
 */
import type { CommandDef } from '../types.js';
import type { KObject } from '../../api/types.js';
import { UsageError } from '../../api/errors.js';
import { generateSecretGeneric } from '../../printers/generators.js';
import { emitGenerated, explicitNamespace, GENERATOR_FLAGS, requireName } from '../shared/generated.js';
import { fileLiterals, splitList } from './from-sources.js';
import { appendContentHash } from './name-hash.js';
import { APPEND_HASH_FLAG } from './secret.js';

const DOCKER_CONFIG_JSON_KEY = '.dockerconfigjson';
const DEFAULT_SERVER = 'https://index.docker.io/v1/';

/**
 * Serializes a Docker config.json with one registry entry, as Go's
 * encoding/json writes kubectl's struct: fields in declaration order, an
 * empty email left out, and <, > and & escaped.
 */
export function dockerConfigJson(server: string, username: string, password: string, email: string): string {
  const entry: Record<string, string> = { username, password };
  if (email) entry.email = email;
  entry.auth = Buffer.from(`${username}:${password}`, 'utf8').toString('base64');
  const text = JSON.stringify({ auths: { [server]: entry } });
  return text.replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

export const command: CommandDef = {
  use: 'create secret docker-registry NAME --docker-username=user --docker-password=password --docker-email=email [--docker-server=string] [--from-file=[key=]source] [--dry-run=server|client|none]',
  short: 'Create a secret for use with a Docker registry.',
  long:
    "Create a new secret for use with Docker registries.\n        \n        Dockercfg secrets are used to authenticate against Docker registries.\n        \n        When using the Docker command line to push images, you can authenticate to a given registry by running:\n        '$ docker login DOCKER_REGISTRY_SERVER --username=DOCKER_USER --password=DOCKER_PASSWORD --email=DOCKER_EMAIL'.\n        \n That produces a ~/.dockercfg file that is used by subsequent 'docker push' and 'docker pull' commands to authenticate to the registry. The email address is optional.\n\n        When creating applications, you may have a Docker registry that requires authentication.  In order for the\n        nodes to pull images on your behalf, they must have the credentials.  You can provide this information\n        by creating a dockercfg secret and attaching it to your service account.",
  examples:
    '  # If you do not already have a .dockercfg file, create a dockercfg secret directly\n  kubesim create secret docker-registry my-secret --docker-server=DOCKER_REGISTRY_SERVER --docker-username=DOCKER_USER --docker-password=DOCKER_PASSWORD --docker-email=DOCKER_EMAIL\n\n  # Create a new secret named my-secret from ~/.docker/config.json\n  kubesim create secret docker-registry my-secret --from-file=path/to/.docker/config.json',
  flags: [
    APPEND_HASH_FLAG,
    { name: 'docker-email', type: 'string', default: '', help: 'Email for Docker registry' },
    { name: 'docker-password', type: 'string', default: '', help: 'Password for Docker registry authentication' },
    { name: 'docker-server', type: 'string', default: DEFAULT_SERVER, help: 'Server location for Docker registry' },
    { name: 'docker-username', type: 'string', default: '', help: 'Username for Docker registry authentication' },
    { name: 'from-file', type: 'stringArray', default: [], help: 'Key files can be specified using their file path, in which case a default name of .dockerconfigjson will be given to them, or optionally with a name and file path, in which case the given name will be used. Specifying a directory will iterate each named file in the directory that is a valid secret key. For this command, the key should always be .dockerconfigjson.' },
    ...GENERATOR_FLAGS,
  ],
  run(ctx, parsed) {
    const name = requireName(parsed.args);
    // A file given without a key becomes the .dockerconfigjson key.
    const files = splitList(ctx.flags['from-file']).map((source) => (source.includes('=') ? source : `${DOCKER_CONFIG_JSON_KEY}=${source}`));
    const username: string = ctx.flags['docker-username'];
    const password: string = ctx.flags['docker-password'];
    const server: string = ctx.flags['docker-server'];
    if (files.length === 0 && (!username || !password || !server)) {
      throw new UsageError('either --from-file or the combination of --docker-username, --docker-password and --docker-server is required');
    }

    const literals = files.length > 0 ? fileLiterals(files) : [`${DOCKER_CONFIG_JSON_KEY}=${dockerConfigJson(server, username, password, ctx.flags['docker-email'])}`];
    const obj: KObject = generateSecretGeneric(name, literals, explicitNamespace(ctx), 'kubernetes.io/dockerconfigjson');
    if (ctx.flags['append-hash']) appendContentHash(obj);
    return emitGenerated(ctx, obj, { failurePrefix: 'failed to create secret ' });
  },
};
