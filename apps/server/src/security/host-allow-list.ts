import { isLoopbackHost } from '../config';

/**
 * DNS rebinding: any web page can point a name it controls at 127.0.0.1 and then read this server as if
 * it were its own origin. The browser still sends that name in `Host`, so answering only for the names
 * this server is known by (loopback, PUBLIC_URL's host, ALLOWED_HOSTS) closes the hole.
 */
export type HostPolicy = { publicUrl?: string | undefined; allowedHosts?: readonly string[] | undefined };

/** The host name of a `Host` header or an ALLOWED_HOSTS entry, without port or brackets, lower case. */
export function hostnameOf(host: string): string {
  const h = host.trim().toLowerCase();
  if (h.startsWith('[')) {
    const end = h.indexOf(']');
    return end === -1 ? h : h.slice(1, end);
  }
  // One colon is a port; more is a bare IPv6 address (not valid in Host, but harmless to compare).
  const colons = h.split(':').length - 1;
  return colons === 1 ? h.slice(0, h.indexOf(':')) : h;
}

/** The names besides loopback that this server answers for. */
export function allowedHostnames(policy: HostPolicy): ReadonlySet<string> {
  const names = new Set<string>();
  if (policy.publicUrl) names.add(hostnameOf(new URL(policy.publicUrl).host));
  for (const extra of policy.allowedHosts ?? []) if (extra.trim() !== '') names.add(hostnameOf(extra));
  return names;
}

export function isAllowedHost(host: string | undefined, allowed: ReadonlySet<string>): boolean {
  if (!host) return false;
  const name = hostnameOf(host);
  if (name === '') return false;
  return isLoopbackHost(name) || allowed.has(name);
}
