/**
 * The Alloy formatter (`alloy fmt`): prints a syntax tree in canonical style.
 *
 * Pipeline: the walker turns the tree into texts, positions and abstract whitespace; the
 * printer places comments and writes tabwriter input; the tabwriter aligns `=` signs and
 * trailing comments; the trimmer drops trailing blanks.
 */
import type { Body, Expression, File, Statement } from '../ast/nodes.js';
import { Printer } from './printer.js';
import { TabWriter } from './tabwriter.js';
import { Trimmer } from './trimmer.js';
import { Walker } from './walker.js';

export interface FormatOptions {
  /** Extra indentation, in tabs, of every line (upstream `Config.Indent`). Default 0. */
  indent?: number;
  /** Literals to print as `"(secret)"` instead of their text. */
  redact?: ReadonlySet<Expression>;
}

/**
 * Formats a node like upstream's `printer.Fprint`. The result has no final newline (`alloy
 * fmt` adds one when writing a file). Only a `File` has comments to print.
 */
export function format(node: File | Body | Statement | Expression, options: FormatOptions = {}): string {
  const trimmer = new Trimmer();
  const printer = new Printer(new TabWriter(trimmer), {
    baseIndent: options.indent ?? 0,
    comments: isFile(node) ? node.comments : [],
  });
  const walker = new Walker(printer, options.redact);

  if (isBody(node)) walker.statements(node);
  else if (isFile(node)) walker.statements(node.body);
  else if (node.kind === 'Attribute' || node.kind === 'Block') walker.statement(node);
  else walker.expression(node);

  printer.finish();
  return trimmer.result();
}

function isBody(node: File | Body | Statement | Expression): node is Body {
  return Array.isArray(node);
}

function isFile(node: File | Body | Statement | Expression): node is File {
  return !isBody(node) && node.kind === 'File';
}
