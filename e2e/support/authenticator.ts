import { Secret, TOTP } from "otpauth";

const PERIOD_S = 30;

/**
 * An authenticator app for tests. The server accepts each time step once and allows one
 * step of drift, so this hands out the next unused step that is still accepted, waiting
 * for the clock only when every accepted step has been used.
 */
export class Authenticator {
  private readonly totp: TOTP;
  private lastStep = -1;

  constructor(secret: string) {
    this.totp = new TOTP({ algorithm: "SHA1", digits: 6, period: PERIOD_S, secret: Secret.fromBase32(secret.replace(/\s/g, "")) });
  }

  async nextCode(): Promise<string> {
    let now = Date.now();
    let current = Math.floor(now / 1000 / PERIOD_S);
    if (this.lastStep + 1 > current + 1) {
      const wait = (this.lastStep * PERIOD_S) * 1000 - now + 200;
      await new Promise((resolve) => setTimeout(resolve, Math.max(wait, 0)));
      now = Date.now();
      current = Math.floor(now / 1000 / PERIOD_S);
    }
    const step = Math.max(this.lastStep + 1, current);
    this.lastStep = step;
    return this.totp.generate({ timestamp: step * PERIOD_S * 1000 });
  }
}
