// Image references as Docker and containerd read them (`redis` is docker.io/library/redis:latest,
// `example.org/team/tool:1.0` lives on example.org), and where each is kept in the lab registry.
// docker.io images keep their own repository path there (the nodes' docker.io mirror asks for
// `library/nginx`); every other registry host gets a folder of its own (`example.org/team/tool`),
// so `team/tool` of two hosts never collide and each host's mirror entry points at its folder.
import { LabError } from '../api/errors.ts';

export interface ImageReference {
  /** Registry host as written, with its port if any (`docker.io` when none is named). */
  host: string;
  /** Repository on that host (`library/redis`, `team/tool`). */
  repository: string;
  tag: string;
  /** `host/repository:tag`, the fully qualified name containerd pulls. */
  full: string;
}

// Distribution's grammar for a repository path component and a tag.
const COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const TAG = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;
const HOST = /^[A-Za-z0-9.-]+(?::\d{1,5})?$/;

function invalid(ref: string, why: string): LabError {
  return new LabError('IMAGE_REF_INVALID', `"${ref}" is not an image reference: ${why}.`, {
    fix: 'Name it as NAME[:TAG] or HOST/PATH/NAME[:TAG], for example example.org/team/tool:1.0.',
  });
}

/** Parses a reference the way `docker pull` does; digests are refused (they name bytes, not a name to serve). */
export function parseImageRef(ref: string): ImageReference {
  const text = ref.trim();
  if (!text) throw invalid(ref, 'it is empty');
  if (text.includes('@')) throw invalid(ref, 'a digest cannot be added, only a name with a tag');
  const slash = text.indexOf('/');
  const first = slash === -1 ? '' : text.slice(0, slash);
  const named = first.includes('.') || first.includes(':') || first === 'localhost';
  const host = named ? first : 'docker.io';
  let rest = named ? text.slice(slash + 1) : text;
  const colon = rest.lastIndexOf(':');
  let tag = 'latest';
  if (colon > rest.lastIndexOf('/')) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
  }
  if (host === 'docker.io' && !rest.includes('/')) rest = `library/${rest}`;
  if (!HOST.test(host)) throw invalid(ref, `"${host}" is not a registry host`);
  if (!TAG.test(tag)) throw invalid(ref, `"${tag}" is not a tag`);
  for (const part of rest.split('/')) {
    if (!COMPONENT.test(part))
      throw invalid(ref, `"${part}" is not a path part (lower-case letters, digits, . _ - only)`);
  }
  const canonicalHost = host === 'index.docker.io' ? 'docker.io' : host.toLowerCase();
  return { host: canonicalHost, repository: rest, tag, full: `${canonicalHost}/${rest}:${tag}` };
}

/** The host's folder name: a path component cannot hold `:`, so a port becomes `_port`. */
export function hostFolder(host: string): string {
  return host.toLowerCase().replace(':', '_');
}

/** Where the lab registry keeps an image: docker.io's under their own path, others in their host's folder. */
export function labRegistryPath(image: ImageReference): string {
  return image.host === 'docker.io'
    ? image.repository
    : `${hostFolder(image.host)}/${image.repository}`;
}
