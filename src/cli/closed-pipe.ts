// A reader that stops early (`npm run ask -- --json < questions.txt | head`) closes the pipe: the next
// write fails with EPIPE. Command-line tools stop quietly then, instead of dying with a stack trace.

/** Makes this process end quietly (status 0) when standard output's reader goes away; `name` labels other write errors. */
export function endQuietlyWhenReaderCloses(name: string): void {
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE')
      process.stderr.write(`${name}: cannot write to standard output (${error.code ?? error.message})\n`);
    process.exit(error.code === 'EPIPE' ? 0 : 1);
  });
}
