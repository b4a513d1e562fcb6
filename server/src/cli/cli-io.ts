/** The CLI's outside world, passed in so commands can be tested without a process. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  cwd: string;
}
