// The address of the person behind a request, as a subgraph learns it: the gateway, which alone
// sees the client's connection (and knows which proxies in front of it to trust), reports it in a
// header; a request that comes without it is keyed by the connection's own peer address.
import { isIP } from 'node:net';

/** The header the gateway sets on every subgraph call: the client address its rate limits use. */
export const clientAddressHeader = 'x-client-address';

/** What `clientAddressFrom` reads: an incoming HTTP request (Express's or Node's). */
export interface RequestWithAddress {
  headers: Record<string, string | string[] | undefined>;
  socket: { remoteAddress?: string | undefined };
}

/**
 * The client address a subgraph keys its public limits by: the gateway's `x-client-address`
 * when it holds one IP address, else the TCP peer. A value that is not an address (a list, a
 * name, junk) is ignored rather than taken as a key of its own.
 *
 * Until the gateway signs its calls, anyone who reaches a subgraph directly may set the header
 * and so choose their key; binding the header into the gateway's signature closes that, and
 * belongs here, so every subgraph reads the address through this one function.
 */
export function clientAddressFrom(req: RequestWithAddress): string {
  const reported = req.headers[clientAddressHeader];
  if (typeof reported === 'string' && isIP(reported.trim()) !== 0) return normalisedAddress(reported.trim());
  return normalisedAddress(req.socket.remoteAddress ?? 'unknown');
}

/** `::ffff:127.0.0.1` and `127.0.0.1` are one client: an IPv4 address mapped into IPv6 counts as itself. */
export function normalisedAddress(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  return mapped?.[1] ?? address.toLowerCase();
}
