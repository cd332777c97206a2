import type { NextConfig } from 'next';

// Native and server-only packages stay outside the bundle: API routes reach them through the
// composition root that server.ts builds (src/server/app-context.ts), never by importing them.
const nextConfig: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  serverExternalPackages: ['better-sqlite3', 'pg', 'pino', 'pino-pretty', 'socket.io', 'redis', 'twilio'],
  typescript: { ignoreBuildErrors: false },
};

export default nextConfig;
