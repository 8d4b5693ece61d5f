// `kinerja serve` on a free loopback port for the Node.js tests (tests/browser, tests/addin):
// the address is read from the first line it prints, in either language.
import {spawn} from 'node:child_process';

export function startServer(cli, jobsDir) {
  return new Promise((resolve, reject) => {
    const child = spawn(cli, ['serve', '--listen', '127.0.0.1:0', '--jobs-dir', jobsDir],
      {stdio: ['ignore', 'ignore', 'pipe']});
    let log = '';
    const timer = setTimeout(() => reject(new Error('kinerja serve did not start:\n' + log)), 15000);
    child.stderr.on('data', (chunk) => {
      log += chunk;
      const match = /(http:\/\/127\.0\.0\.1:\d+)\//.exec(log);
      if (match) {
        clearTimeout(timer);
        resolve({child, url: match[1]});
      }
    });
    child.on('exit', (code) => reject(new Error(`kinerja serve exited (${code}):\n${log}`)));
  });
}
