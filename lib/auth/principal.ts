/**
 * Who is calling: a signed-in user on one device. `sessionId` names the `user_sessions` row
 * the JWT was issued for; every request checks it is still live (lib/auth/live-session.ts).
 * API keys join here in the public-API issue.
 */
export type Principal = { userId: string; sessionVersion: number; sessionId: string };
