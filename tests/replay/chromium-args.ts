/**
 * Chromium's command line for every tool that drives it against the replay server (the e2e
 * driver, the demo, the bench): the built extension, the replay hosts on 127.0.0.1, and no
 * calls home (this machine's network is loopback only).
 */
import { hostResolverRules } from './server';

export function chromiumArgs({
  replayPort,
  extensionDir = null,
}: {
  replayPort: number;
  extensionDir?: string | null;
}): string[] {
  return [
    ...(extensionDir ? [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`] : []),
    `--host-resolver-rules=${hostResolverRules(replayPort)}`,
    // The replay server's certificate is self-signed.
    '--ignore-certificate-errors',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-quic',
    // Chromium refuses to start its sandbox as root.
    ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
  ];
}
