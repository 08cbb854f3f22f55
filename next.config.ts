import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // better-sqlite3 is a native addon: load it from node_modules at run time, never bundle it.
  serverExternalPackages: ["better-sqlite3"],
  poweredByHeader: false,
  // Several app servers behind one proxy must run the same build: build once and copy it, or
  // give every build the same COUNTERPOINT_BUILD_ID; COUNTERPOINT_DEPLOYMENT_ID lets browsers
  // notice a new version during a rolling deploy (docs/deploy.md).
  generateBuildId: async () => process.env.COUNTERPOINT_BUILD_ID ?? null,
  ...(process.env.COUNTERPOINT_DEPLOYMENT_ID ? { deploymentId: process.env.COUNTERPOINT_DEPLOYMENT_ID } : {}),
  // Pages get these and a nonce-based CSP from proxy.ts; the API gets them here.
  async headers() {
    return [
      {
        source: "/api/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Content-Security-Policy", value: "default-src 'none'; frame-ancestors 'none'" },
        ],
      },
    ];
  },
  // `npm test` typechecks the whole project (tsc) as its own step; the build need not repeat it.
  typescript: { ignoreBuildErrors: true },
};

export default nextConfig;
