/** Process-level listeners for the hardening tests: any unhandled rejection or uncaught exception is recorded. */
export interface ProcessWatch {
  errors: string[];
  stop(): void;
}

export function watchProcess(): ProcessWatch {
  const errors: string[] = [];
  const onRejection = (reason: unknown): void =>
    void errors.push(
      `unhandledRejection: ${String(reason instanceof Error ? reason.stack : reason)}`,
    );
  const onException = (err: Error): void =>
    void errors.push(`uncaughtException: ${err.stack ?? err.message}`);
  process.on('unhandledRejection', onRejection);
  process.on('uncaughtException', onException);
  return {
    errors,
    stop() {
      process.off('unhandledRejection', onRejection);
      process.off('uncaughtException', onException);
    },
  };
}
