import { Secret, TOTP } from "otpauth";
import QRCode from "qrcode";
import { env } from "@/lib/env";

const PERIOD_S = 30;

function totpFor(secret: string, label = ""): TOTP {
  return new TOTP({ issuer: env.APP_NAME, label, algorithm: "SHA1", digits: 6, period: PERIOD_S, secret: Secret.fromBase32(secret) });
}

/** A new 160-bit secret (RFC 4226's recommended length), base32 as authenticator apps expect. */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

/** What an authenticator app scans: the otpauth:// URI and the same as an SVG QR code. */
export async function enrolment(secret: string, accountLabel: string): Promise<{ otpauthUrl: string; qrSvg: string }> {
  const otpauthUrl = totpFor(secret, accountLabel).toString();
  const qrSvg = await QRCode.toString(otpauthUrl, { type: "svg", margin: 1, errorCorrectionLevel: "M" });
  return { otpauthUrl, qrSvg };
}

/**
 * The time step `code` belongs to, allowing one step of clock drift either way, or null.
 * Callers store the step and refuse it (and earlier ones) next time, so a code works once.
 */
export function matchTotp(secret: string, code: string, lastStep: bigint | null, now = Date.now()): bigint | null {
  const delta = totpFor(secret).validate({ token: code, window: 1, timestamp: now });
  if (delta === null) return null;
  const step = BigInt(Math.floor(now / 1000 / PERIOD_S) + delta);
  return lastStep !== null && step <= lastStep ? null : step;
}
