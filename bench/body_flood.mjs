#!/usr/bin/env node
// Peak memory of `sgwrs serve` under the body flood the black-box probe used (issue 7,
// defect 4): six parallel 45 MiB POSTs to the upload route, then the same with a chunked
// body to the sign-in form, each sent in full, by someone not signed in; then six from a
// signed-in analyst (who may upload, and is capped at --max-large-bodies at once). Prints
// resident memory before, the peak (VmHWM, reset before each attack) after each attack, and
// the answers' statuses. (The analyst's bodies carry no CSRF token, so those that are read
// end in 403; those past the cap on large bodies at once get 503.)
//
//   node bench/body_flood.mjs          (SGWRS_BIN=build/src/sgwrs by default)
import fs from 'node:fs';
import net from 'node:net';

import { accounts, makeDemoDb, signedIn, startServer } from '../tests/support/server.mjs';

const SIZE = 45 * 1024 * 1024;
const PARALLEL = 6;
const chunk = Buffer.alloc(1024 * 1024, 'a');

function memory(pid) {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (k) => Number(new RegExp(`^${k}:\\s+(\\d+) kB`, 'm').exec(status)[1]);
  return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
}

/** Sends a header and then SIZE bytes (framed by Content-Length or chunked); resolves to the status. */
function flood(port, target, { cookie = '', chunked = false }) {
  return new Promise((resolve) => {
    const sock = net.connect({ host: '127.0.0.1', port });
    let answer = '';
    let sent = 0;
    sock.on('data', (d) => (answer += d.toString('latin1')));
    const done = () => resolve(/^HTTP\/1\.1 (\d{3})/.exec(answer)?.[1] ?? 'closed');
    sock.on('close', done);
    sock.on('error', () => {});
    sock.on('connect', () => {
      sock.write(
        `POST ${target} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n${cookie ? `Cookie: ${cookie}\r\n` : ''}` +
          `Content-Type: multipart/form-data; boundary=x\r\n` +
          (chunked ? 'Transfer-Encoding: chunked\r\n' : `Content-Length: ${SIZE}\r\n`) +
          'Connection: close\r\n\r\n',
      );
      const pump = () => {
        while (sent < SIZE) {
          const piece = chunked ? Buffer.concat([Buffer.from(`${chunk.length.toString(16)}\r\n`), chunk, Buffer.from('\r\n')]) : chunk;
          sent += chunk.length;
          if (!sock.write(piece)) return sock.once('drain', pump);
        }
        sock.end(chunked ? '0\r\n\r\n' : '');
      };
      pump();
    });
  });
}

async function attack(label, srv, target, opts) {
  // The peak is counted from here (signing in hashes a password with argon2id, which takes
  // 64 MiB for a moment and would otherwise be the peak).
  fs.writeFileSync(`/proc/${srv.proc.pid}/clear_refs`, '5');
  const statuses = await Promise.all(Array.from({ length: PARALLEL }, () => flood(srv.port, target, opts)));
  const m = memory(srv.proc.pid);
  console.log(`${label.padEnd(58)} peak ${m.peak.toFixed(1)} MiB, now ${m.rss.toFixed(1)} MiB; answers ${statuses.join(' ')}`);
  return m;
}

const demo = makeDemoDb('sqlite');
const srv = await startServer(demo.fresh());
try {
  const start = memory(srv.proc.pid);
  console.log(`idle after start                                           ${start.rss.toFixed(1)} MiB`);
  const { jar } = await signedIn(srv.base, accounts.practitioner);
  const analyst = await signedIn(srv.base, accounts.analyst);
  await attack(`${PARALLEL} x 45 MiB to /analysis/import, signed out`, srv, '/analysis/import', {});
  await attack(`${PARALLEL} x 45 MiB chunked to /sign-in, signed out`, srv, '/sign-in', { chunked: true });
  await attack(`${PARALLEL} x 45 MiB to /analysis/import, practitioner`, srv, '/analysis/import', { cookie: jar.header() });
  await attack(`${PARALLEL} x 45 MiB to /analysis/import, analyst (may upload)`, srv, '/analysis/import', {
    cookie: analyst.jar.header(),
  });
} finally {
  await srv.stop();
  demo.cleanup();
}
