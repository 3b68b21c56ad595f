/** A ledger file that cannot be read: the row (and column) where it goes wrong. */
export class LedgerReadError extends Error {
  constructor(
    message: string,
    readonly row: number,
    readonly column: number | undefined,
  ) {
    super(column === undefined ? `row ${row}: ${message}` : `row ${row}, column ${column}: ${message}`);
    this.name = 'LedgerReadError';
  }
}

/** A workbook refused before or while reading it (a zip bomb, a damaged zip, over a limit). */
export class WorkbookRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WorkbookRefused';
  }
}
