/**
 * Error codes our sign-in code throws, which next-auth hands to the page as `?error=<code>`.
 * Kept free of server imports so the sign-in form can import it too.
 */
export const RATE_LIMITED = "RateLimited";
/** The password is right but the address was never verified: the sign-in form offers to resend the link. */
export const EMAIL_UNVERIFIED = "EmailUnverified";
