import { createSocket } from 'node:dgram';
import { createServer } from 'node:net';

/** Binding port 0 makes the kernel choose a free port; we release it at once and hand it on. */
function freeTcpPort(host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, host, () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function isUdpPortFree(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createSocket('udp4');
    socket.once('error', () => {
      socket.close();
      resolve(false);
    });
    socket.bind(port, host, () => socket.close(() => resolve(true)));
  });
}

function isTcpPortFree(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, host, () => server.close(() => resolve(true)));
  });
}

/**
 * A port free for both TCP and UDP on `host` (SIP listeners such as baresip's bind both).
 * Another process may still take it before our child binds it; the window is short and start-up
 * errors name the port.
 */
export async function freePort(host = '127.0.0.1'): Promise<number> {
  for (let attempt = 0; attempt < 20; attempt += 1) {
    const port = await freeTcpPort(host);
    if (await isUdpPortFree(host, port)) return port;
  }
  throw new Error(`no port free for both TCP and UDP on ${host} after 20 attempts`);
}

/**
 * A SIP port for baresip: it binds UDP and TCP on the port and SIP/TLS on TCP port + 1 (TLS is
 * always built in), so all three must be free.
 */
export async function freeSipPortPair(host = '127.0.0.1'): Promise<number> {
  for (let attempt = 0; attempt < 20; attempt += 1) {
    const port = await freePort(host);
    if (port < 65535 && (await isTcpPortFree(host, port + 1))) return port;
  }
  throw new Error(`no free SIP port pair on ${host} after 20 attempts`);
}

/** A run of `count` consecutive ports with its first and last port free on TCP and UDP. */
export async function freePortRange(count: number, host = '127.0.0.1'): Promise<{ min: number; max: number }> {
  for (let attempt = 0; attempt < 50; attempt += 1) {
    // Random start in 20000-59999, away from the kernel's ephemeral range start (32768) only loosely:
    // rtpengine skips any port it cannot bind, so a partly used range still works.
    const min = 20_000 + 2 * Math.floor(Math.random() * 19_000);
    const max = min + count - 1;
    if ((await isUdpPortFree(host, min)) && (await isUdpPortFree(host, max)) && (await isTcpPortFree(host, min))) {
      return { min, max };
    }
  }
  throw new Error(`no free range of ${count} ports on ${host}`);
}
