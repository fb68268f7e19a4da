// @ts-check

const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Container images want the self-contained server (`node .next/standalone/server.js`);
  // `npm start` runs `next start`, which refuses that output, so it is opt-in.
  output: process.env.NEXT_OUTPUT_STANDALONE === "1" ? "standalone" : undefined,
  poweredByHeader: false,
  typedRoutes: false,
  // Server-only packages with native or Node-specific code stay out of the bundle.
  serverExternalPackages: ["@node-rs/argon2", "@electric-sql/pglite", "@electric-sql/pglite-socket", "pg"],
  async headers() {
    return [
      { source: "/:path*", headers: securityHeaders },
      // Next answers a method a route file does not export (405) before any of our code runs:
      // this at least echoes the caller's own request id there. Route handlers set their own.
      {
        source: "/api/:path*",
        has: [{ type: "header", key: "x-request-id", value: "(?<requestId>[A-Za-z0-9._:-]{1,64})" }],
        headers: [{ key: "x-request-id", value: ":requestId" }],
      },
    ];
  },
};

export default nextConfig;
