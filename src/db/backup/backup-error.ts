/** A problem with a backup file or with restoring it, naming the file and, where known, the line. */
export class BackupError extends Error {
  constructor(
    readonly file: string,
    readonly line: number | undefined,
    problem: string,
  ) {
    super(line === undefined ? `${file}: ${problem}` : `${file}:${line}: ${problem}`);
    this.name = 'BackupError';
  }
}
