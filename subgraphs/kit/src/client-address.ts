// The address of the person behind a request, as a subgraph learns it: the gateway, which alone
// sees the client's connection (and knows which proxies in front of it to trust), reports it in a
// header that its signed assertion binds (service-assertion.ts); a request without it is keyed by
// the connection's own peer address.
import { isIP } from 'node:net';

/** The header the gateway sets on every subgraph call: the client address its rate limits use. */
export const clientAddressHeader = 'x-client-address';

/**
 * The client address a subgraph keys its public limits by: the one the calling service (the
 * gateway) bound into its signed assertion when it holds one IP address, else the TCP peer. The
 * plain `x-client-address` header is never read on its own: the assertion's check has already
 * refused a request whose header differs from what was signed, so nobody who reaches a subgraph
 * directly can choose their key. A value that is not an address is ignored rather than taken as a
 * key of its own.
 */
export function clientAddressFrom(
  signed: { clientAddress?: string | undefined } | undefined,
  peerAddress: string | undefined,
): string {
  const reported = signed?.clientAddress?.trim();
  if (reported && isIP(reported) !== 0) return normalisedAddress(reported);
  return normalisedAddress(peerAddress ?? 'unknown');
}

/** `::ffff:127.0.0.1` and `127.0.0.1` are one client: an IPv4 address mapped into IPv6 counts as itself. */
export function normalisedAddress(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  return mapped?.[1] ?? address.toLowerCase();
}
