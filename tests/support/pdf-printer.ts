import { afterAll } from 'vitest';
import { PdfPrinter } from '../../src/reports/pdf.ts';

/** A PDF printer (its Chromium started on first use) for one describe block, closed in afterAll. */
export function usePdfPrinter(): PdfPrinter {
  const printer = new PdfPrinter();
  afterAll(() => printer.close());
  return printer;
}
