import { lookup as dnsLookup } from "node:dns/promises";
import { ipLiteral, isPublicAddress } from "./address-policy";

/** Why a URL cannot receive webhooks; its message is shown to the admin or logged on the delivery. */
export class WebhookTargetError extends Error {
  override name = "WebhookTargetError";
}

export type ResolvedTarget = { address: string; family: 4 | 6 };

export type Lookup = (hostname: string) => Promise<{ address: string; family: number }[]>;

const systemLookup: Lookup = (hostname) => dnsLookup(hostname, { all: true, verbatim: true });

/**
 * The address the app will connect to for `url`, refusing a private one unless `allowPrivate`.
 * Every address the name resolves to must be public: a name that answers with a public and a
 * private address could otherwise be steered to the private one. The caller connects to the
 * returned address itself (lib/webhooks/send.ts), so a second DNS answer cannot differ from
 * the one checked here (DNS rebinding).
 */
export async function resolveTarget(url: URL, allowPrivate: boolean, lookup: Lookup = systemLookup): Promise<ResolvedTarget> {
  if (url.protocol !== "http:" && url.protocol !== "https:") throw new WebhookTargetError("Only http and https URLs can receive webhooks.");
  if (url.username || url.password) throw new WebhookTargetError("The URL must not contain a username or password.");
  const literal = ipLiteral(url.hostname);
  let addresses: { address: string; family: number }[];
  if (literal) {
    addresses = [{ address: literal, family: literal.includes(":") ? 6 : 4 }];
  } else {
    try {
      addresses = await lookup(url.hostname);
    } catch {
      throw new WebhookTargetError(`The host ${url.hostname} could not be resolved.`);
    }
    if (addresses.length === 0) throw new WebhookTargetError(`The host ${url.hostname} could not be resolved.`);
  }
  if (!allowPrivate) {
    const refused = addresses.find((a) => !isPublicAddress(a.address));
    if (refused) {
      throw new WebhookTargetError(
        `${url.hostname} resolves to ${refused.address}, a private, loopback or otherwise internal address; webhooks are only sent to public addresses.`,
      );
    }
  }
  const first = addresses[0]!;
  return { address: first.address, family: first.family === 6 ? 6 : 4 };
}
