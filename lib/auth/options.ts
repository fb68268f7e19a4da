import type { NextAuthOptions } from "next-auth";
import type { Adapter } from "next-auth/adapters";
import CredentialsProvider from "next-auth/providers/credentials";
import GitHubProvider from "next-auth/providers/github";
import GoogleProvider from "next-auth/providers/google";
import type { EmailConfig } from "next-auth/providers/email";
import { PrismaAdapter } from "@next-auth/prisma-adapter";
import { db } from "@/lib/db/client";
import { env, features } from "@/lib/env";
import { authorizeWithPassword } from "./authorize-password";
import { claimUnverifiedAccount, markOAuthEmailVerified } from "./claim-account";
import { authCookieOptions } from "./cookies";
import { sendMagicLink } from "./magic-link";
import { ensurePersonalOrg } from "./personal-org";
import { nextAuthRedirect } from "./safe-redirect";
import type { Origin } from "./security-events";
import { endSession, SESSION_MAX_AGE_S, startSession } from "./user-sessions";

// The adapter is typed against the legacy `@prisma/client` export; our generated client
// has the same model delegates (user, account, verificationToken), which is all it uses.
const adapter = PrismaAdapter(db as unknown as Parameters<typeof PrismaAdapter>[0]) as Adapter;

// Built by hand rather than with next-auth's EmailProvider, which imports nodemailer:
// delivery goes through our mail module instead. Per request, for the sender's IP.
const emailProvider = (origin: Origin): EmailConfig => ({
  id: "email",
  type: "email",
  name: "Email",
  server: {},
  from: env.MAIL_FROM,
  maxAge: 15 * 60,
  options: {},
  sendVerificationRequest: ({ identifier, url, expires }) => sendMagicLink({ to: identifier, url, expires }, origin),
});

const oauth = [
  ...(env.GITHUB_ID && env.GITHUB_SECRET ? [GitHubProvider({ clientId: env.GITHUB_ID, clientSecret: env.GITHUB_SECRET })] : []),
  ...(env.GOOGLE_CLIENT_ID && env.GOOGLE_CLIENT_SECRET
    ? [GoogleProvider({ clientId: env.GOOGLE_CLIENT_ID, clientSecret: env.GOOGLE_CLIENT_SECRET })]
    : []),
];

/**
 * next-auth's options for one request. The auth route passes where the request came from,
 * so sign-in limits and the session record know the client's IP and device. Everything else
 * reads the session cookie with lib/auth/session.ts, which must agree with the `jwt` and
 * `session` callbacks below.
 */
export function authOptionsFor(origin: Origin): NextAuthOptions {
  return {
    adapter,
    secret: env.NEXTAUTH_SECRET,
    ...authCookieOptions,
    // JWT sessions (required by the credentials provider), made revocable by a session row
    // (`sid`) and the user's session version, both checked on every request (lib/auth/live-session.ts).
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_S },
    pages: { signIn: "/sign-in", verifyRequest: "/sign-in/check-email", error: "/sign-in", newUser: "/dashboard" },
    providers: [
      CredentialsProvider({
        id: "credentials",
        name: "Email and password",
        credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
        authorize: (credentials) => authorizeWithPassword(credentials, origin),
      }),
      // A magic link needs somewhere to go: Resend, or the dev outbox outside production.
      ...(features.resend || features.devOutbox ? [emailProvider(origin)] : []),
      ...oauth,
    ],
    callbacks: {
      redirect: ({ url, baseUrl }) => nextAuthRedirect(url, baseUrl),
      async signIn({ user, account, email }) {
        // Asking for a magic link proves nothing yet; following it does.
        if (email?.verificationRequest || !account || account.type === "credentials") return true;
        await claimUnverifiedAccount({ email: user.email, provider: account.provider, providerAccountId: account.providerAccountId }, origin);
        return true;
      },
      async jwt({ token, user, account }) {
        if (user && account) {
          const session = await startSession(user.id, account.provider, origin);
          token.uid = user.id;
          token.sv = session.sessionVersion;
          token.sid = session.id;
        }
        return token;
      },
      session({ session, token }) {
        session.user = { ...session.user, id: token.uid ?? "" };
        session.sessionVersion = token.sv ?? 0;
        session.sessionId = token.sid ?? "";
        return session;
      },
    },
    events: {
      // Users who arrive through a magic link or OAuth get their personal org here;
      // password sign-ups get it in the same transaction that creates them.
      createUser: async ({ user }) => {
        await ensurePersonalOrg(user.id);
      },
      linkAccount: async ({ user, account, profile }) => {
        if (account.type === "oauth") await markOAuthEmailVerified(user.id, profile?.email);
      },
      // A copied cookie must stop working once its owner signs out.
      signOut: async ({ token }) => {
        if (token?.uid && token.sid) await endSession(token.uid, token.sid, origin, "signed_out");
      },
    },
  };
}
