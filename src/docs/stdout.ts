// Printing a whole document to stdout. A reader that stops early (`| head`) closes the pipe:
// that ends the output, it is not a crash with a stack trace.
let guarded = false;

export function printDocument(text: string): void {
  if (!guarded) {
    guarded = true;
    process.stdout.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE') throw error;
      process.exit(process.exitCode ?? 0);
    });
  }
  process.stdout.write(text);
}
