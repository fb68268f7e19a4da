import { z } from "zod";

/**
 * The URL an admin registers: http or https, no credentials (they would be sent to anyone the
 * URL is shown to and are no way to authenticate webhooks: the signature is). Checked again,
 * with its address, by `resolveTarget` (target.ts) at registration and before every attempt.
 */
export const webhookUrlSchema = z
  .string()
  .trim()
  .max(2000, "must be at most 2000 characters")
  .transform((value, ctx) => {
    const refuse = (message: string) => {
      ctx.issues.push({ code: "custom", message, input: value });
      return z.NEVER;
    };
    if (!URL.canParse(value)) return refuse("must be an http:// or https:// URL");
    const url = new URL(value);
    if (url.protocol !== "http:" && url.protocol !== "https:") return refuse("must be an http:// or https:// URL");
    if (url.username || url.password) return refuse("must not contain a username or password");
    url.hash = "";
    return url.toString();
  });
