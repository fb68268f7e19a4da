/**
 * Who is calling: a signed-in user on one device. `sessionId` names the `user_sessions` row
 * the JWT was issued for; every request checks it is still live (lib/auth/live-session.ts).
 * API keys are the other kind of caller, on tenant routes only (`Caller` in lib/orgs/context.ts).
 */
export type Principal = { userId: string; sessionVersion: number; sessionId: string };
