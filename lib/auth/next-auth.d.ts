import "next-auth";
import "next-auth/jwt";

declare module "next-auth" {
  interface Session {
    user: { id: string; name?: string | null; email?: string | null; image?: string | null };
    /** Compared with users.sessionVersion on every request; see lib/auth/live-session.ts. */
    sessionVersion: number;
    /** The user_sessions row this sign-in created; checked on every request. */
    sessionId: string;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    uid?: string;
    sv?: number;
    sid?: string;
  }
}
