import ipaddr from "ipaddr.js";

const GLOBAL_UNICAST_V6 = ipaddr.parseCIDR("2000::/3");

/**
 * Whether an IP address is on the public internet, i.e. safe for the app to connect to on an
 * org's behalf. Everything else is refused: loopback, private (RFC 1918, unique-local),
 * link-local (cloud metadata at 169.254.169.254), carrier-grade NAT, multicast, broadcast,
 * unspecified, reserved and documentation ranges, and IPv6 forms that embed an IPv4 address
 * (IPv4-mapped ones are judged as the IPv4 address they carry; NAT64, 6to4, Teredo and the
 * old IPv4-compatible ::a.b.c.d are refused, since they can lead back to a private one).
 */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  const ip = ipaddr.process(address);
  if (ip.range() !== "unicast") return false;
  return ip.kind() === "ipv4" || (ip as ipaddr.IPv6).match(GLOBAL_UNICAST_V6);
}

/** An IP literal as a URL's hostname carries it (IPv6 in brackets), or null for a name. */
export function ipLiteral(hostname: string): string | null {
  const bare = hostname.startsWith("[") && hostname.endsWith("]") ? hostname.slice(1, -1) : hostname;
  return ipaddr.isValid(bare) ? bare : null;
}
