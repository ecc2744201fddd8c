/**
 * Abstract whitespace the walker asks for. The printer buffers it until the next text, so
 * it can drop or reorder it around comments and never writes it at the end of the output.
 */
export type Whitespace =
  /** One space. */
  | 'blank'
  /** An alignment point (`\v`): ends a soft tabwriter cell, e.g. before an attribute's `=`. */
  | 'vtab'
  /** A line break; alignment continues on the next line. */
  | 'newline'
  /** A line break that also ends the alignment segment (`\f`). */
  | 'formfeed'
  /**
   * A formfeed that a comment cannot take away: the one after a trailing comma the printer
   * added before a closing bracket. Upstream let a block comment before the bracket drop
   * it (`{x =\n1 /* c *\/}` → `{x = 1, /* c *\/ }`), and the next run, seeing the bracket
   * on the field's line, removed the comma: the output was not stable.
   */
  | 'closingFormfeed'
  /** One indentation level more / less; writes nothing by itself. */
  | 'indent'
  | 'unindent'
  /** A buffered item that comment placement decided to drop. */
  | 'ignore';
