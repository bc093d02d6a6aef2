// Runs the app as `npm start` does, in a child process (through tsx, from src/app.ts), with the
// environment a test gives it: for what only a real process shows (exit codes, what reaches stderr,
// signals).
import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';

export interface AppProcess {
  child: ChildProcess;
  stdout: string[];
  stderr: string[];
  exited: Promise<number | null>;
  /** Resolves once a line matching `pattern` is printed (stdout or stderr). */
  waitForLine(pattern: RegExp, timeoutMs?: number): Promise<string>;
}

const ROOT = join(__dirname, '..', '..');

export function startAppProcess(env: Record<string, string>): AppProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/app.ts'], {
    cwd: ROOT,
    // Only what the test sets (and what node needs to run): no .env, no inherited Slack settings.
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stdout: string[] = [];
  const stderr: string[] = [];
  const collect = (into: string[]) => (chunk: Buffer) => {
    into.push(...chunk.toString('utf8').split('\n').filter(Boolean));
  };
  child.stdout?.on('data', collect(stdout));
  child.stderr?.on('data', collect(stderr));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return {
    child,
    stdout,
    stderr,
    exited,
    async waitForLine(pattern, timeoutMs = 20_000) {
      const started = Date.now();
      for (;;) {
        const line = [...stdout, ...stderr].find((candidate) => pattern.test(candidate));
        if (line) return line;
        if (Date.now() - started > timeoutMs) {
          throw new Error(`no line matching ${pattern}; stdout: ${stdout.join('\n')}; stderr: ${stderr.join('\n')}`);
        }
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    },
  };
}

/** A port nothing listens on right now, for a child process to listen on. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
