/** Who is calling: a signed-in user (API keys join here in the public-API issue). */
export type Principal = { userId: string; sessionVersion: number };
