/**
 * Walks the syntax tree and tells the printer what to write (upstream `walker.go`): the
 * texts, where they are in the source, and the abstract whitespace between them. All
 * layout decisions that depend on the source (which elements share a line, where blank
 * lines were) are made here, from node positions.
 */
import type {
  AccessExpr,
  ArrayExpr,
  Attribute,
  BinaryExpr,
  Block,
  Body,
  CallExpr,
  Expression,
  IndexExpr,
  ObjectExpr,
  Statement,
} from '../ast/nodes.js';
import { quote } from '../lexer/quote.js';
import { objectKeyText } from './object-key.js';
import type { Printer } from './printer.js';

export class Walker {
  constructor(
    private readonly p: Printer,
    /** Literals to print as `"(secret)"`. */
    private readonly redact: ReadonlySet<Expression> | undefined,
  ) {}

  statements(body: Body): void {
    const { p } = this;
    body.forEach((stmt, i) => {
      const prev = body[i - 1];
      // After the break ending the previous statement, a second one makes a blank line:
      // always before a block, otherwise only where the source had one.
      if (prev !== undefined && (stmt.kind === 'Block' || stmt.start.line - prev.end.line > 1)) {
        p.space('formfeed');
      }
      const span = p.startSpan();
      this.statement(stmt);
      // A statement printed on several lines ends the alignment segment: attributes after
      // it align anew. Upstream counted source lines, so a statement the formatter joins
      // onto one line (`a = 1 +\n2`, `a = [\n]`) was aligned only on the next run.
      p.space(p.linesOf(span) > 1 ? 'formfeed' : 'newline');
    });
  }

  statement(stmt: Statement): void {
    if (stmt.kind === 'Attribute') this.attribute(stmt);
    else this.block(stmt);
  }

  expression(e: Expression): void {
    const { p } = this;
    switch (e.kind) {
      case 'Literal':
        p.moveTo(e.start);
        p.literal(this.redact?.has(e) ? '"(secret)"' : e.raw, e.type === 'number');
        break;
      case 'Identifier':
        p.moveTo(e.start);
        p.identifier(e.name);
        break;
      case 'Access':
      case 'Index':
      case 'Call':
        this.postfixChain(e);
        break;
      case 'Unary':
        p.moveTo(e.start);
        p.token(e.operator);
        this.expression(e.operand);
        break;
      case 'Binary':
        this.binaryChain(e);
        break;
      case 'Paren':
        // Upstream wrote the parentheses without their positions, so a comment before `)`
        // was printed after it.
        p.moveTo(e.start);
        p.token('(');
        this.expression(e.inner);
        p.moveTo(e.end);
        p.token(')');
        break;
      case 'Array':
        this.array(e);
        break;
      case 'Object':
        this.object(e);
        break;
    }
  }

  /**
   * `a.b[0](1)` nests to the left: ((a.b)[0])(1). The parser accepts chains of thousands
   * of links, too many for one stack frame each, so the chain is unrolled: its base first,
   * then each link.
   */
  private postfixChain(e: AccessExpr | IndexExpr | CallExpr): void {
    const links: (AccessExpr | IndexExpr | CallExpr)[] = [];
    let base: Expression = e;
    while (base.kind === 'Access' || base.kind === 'Index' || base.kind === 'Call') {
      links.push(base);
      base = base.kind === 'Call' ? base.callee : base.value;
    }
    this.expression(base);
    for (let i = links.length - 1; i >= 0; i--) {
      const link = links[i]!;
      if (link.kind === 'Access') this.accessName(link);
      else if (link.kind === 'Index') this.indexSuffix(link);
      else this.callArguments(link);
    }
  }

  private accessName(access: AccessExpr): void {
    const { p } = this;
    p.token('.');
    p.moveTo(access.name.start);
    p.identifier(access.name.name);
  }

  private indexSuffix(index: IndexExpr): void {
    const { p } = this;
    p.moveTo(index.lBrack);
    p.token('[');
    this.expression(index.index);
    p.moveTo(index.end);
    p.token(']');
  }

  /**
   * Always on one line with one space around the operator, whatever the source had. Left
   * operands nest (`a + b + c` is `(a + b) + c`) and are unrolled like postfix chains.
   */
  private binaryChain(e: BinaryExpr): void {
    const { p } = this;
    const operations: BinaryExpr[] = [];
    let leftmost: Expression = e;
    while (leftmost.kind === 'Binary') {
      operations.push(leftmost);
      leftmost = leftmost.left;
    }
    this.expression(leftmost);
    for (let i = operations.length - 1; i >= 0; i--) {
      const operation = operations[i]!;
      p.space('blank');
      p.moveTo(operation.operatorPos);
      p.token(operation.operator);
      p.space('blank');
      this.expression(operation.right);
    }
  }

  private attribute(attr: Attribute): void {
    const { p } = this;
    p.moveTo(attr.name.start);
    p.identifier(attr.name.name);
    p.space('vtab'); // consecutive attributes align their `=`
    p.token('=');
    p.space('blank');
    this.expression(attr.value);
  }

  private block(block: Block): void {
    const { p } = this;
    p.moveTo(block.start);
    p.identifier(block.name.join('.'));
    if (block.label !== '') {
      p.space('blank');
      if (block.labelPos !== undefined) p.moveTo(block.labelPos);
      // The parser only accepts identifier labels, which `%q` leaves as they are.
      p.literal(quote(block.label), false);
    }
    p.space('blank');
    p.moveTo(block.lCurly);
    p.token('{');
    p.space('indent');
    if (block.body.length > 0) {
      p.space('formfeed');
      this.statements(block.body);
    } else {
      p.space('blank'); // `b { }`
    }
    p.space('unindent');
    p.moveTo(block.end);
    p.token('}');
  }

  /**
   * An element that starts on the line where the previous one ended stays there; any
   * other gets a line of its own, one level deeper. If `]` was not on the last element's
   * line, it gets its own line too, after a trailing comma.
   */
  private array(array: ArrayExpr): void {
    const { p } = this;
    const { elements } = array;
    p.moveTo(array.start);
    p.token('[');
    let prevLine = array.start.line;
    elements.forEach((element, i) => {
      const ownLine = element.start.line !== prevLine;
      // Indent before the break, so a comment above the element is indented like it.
      if (ownLine) p.space('indent', 'formfeed');
      else if (i > 0) p.space('blank');
      prevLine = element.end.line;
      this.expression(element);
      if (i < elements.length - 1) p.token(',');
      if (ownLine) p.space('unindent');
    });
    if (elements.length > 0 && prevLine !== array.end.line) {
      p.token(',');
      p.space('indent', 'closingFormfeed', 'unindent');
    }
    p.moveTo(array.end);
    p.token(']');
  }

  /**
   * Like arrays, except that fields are always one level deeper (even on the line of the
   * `{`), "the previous line" is that of the previous field's *name*, and a field after a
   * single-line one continues its alignment segment.
   */
  private object(object: ObjectExpr): void {
    const { p } = this;
    const { fields } = object;
    p.moveTo(object.start);
    p.token('{');
    p.space('indent');
    let prevLine = object.start.line;
    let prevValueLines = 0;
    fields.forEach((field, i) => {
      if (field.name.start.line !== prevLine) {
        // Printed lines of the previous value, for the same reason as for statements.
        p.space(i > 0 && prevValueLines === 1 ? 'newline' : 'formfeed');
      } else if (i > 0) {
        p.space('blank');
      }
      prevLine = field.name.end.line;

      p.moveTo(field.name.start);
      if (field.quoted) p.literal(objectKeyText(field.name.name), false);
      else p.identifier(field.name.name);
      p.space('vtab');
      p.token('=');
      p.space('blank');
      const span = p.startSpan();
      this.expression(field.value);
      prevValueLines = p.linesOf(span);
      if (i < fields.length - 1) p.token(',');
    });
    if (fields.length > 0 && prevLine !== object.end.line) {
      p.token(',');
      p.space('closingFormfeed');
    }
    p.space('unindent');
    p.moveTo(object.end);
    p.token('}');
  }

  /** Arguments follow the array rules, except for the fixes noted below. */
  private callArguments(call: CallExpr): void {
    const { p } = this;
    const { args } = call;
    p.moveTo(call.lParen);
    p.token('(');
    let prevLine = call.lParen.line;
    args.forEach((arg, i) => {
      const ownLine = arg.start.line !== prevLine;
      // The break comes before the indent (unlike arrays), so a comment above the first
      // argument is not indented. Kept as upstream has it: it is ugly, not wrong.
      if (ownLine) p.space('formfeed', 'indent');
      this.expression(arg);
      prevLine = arg.end.line;
      if (i < args.length - 1) {
        p.token(',');
        p.space('blank');
      }
      if (ownLine) p.space('unindent');
    });
    // Upstream had no "at least one argument" guard here: `f(\n)` printed as `f(,\n)`,
    // which does not parse. Without arguments there is nothing to put on separate lines.
    // The indent around the break (as for arrays) indents a comment before `)` like the
    // arguments.
    if (args.length > 0 && prevLine !== call.end.line) {
      p.token(',');
      p.space('indent', 'closingFormfeed', 'unindent');
    }
    // Upstream wrote `)` without its position, so it seemed to sit on the last argument's
    // line: a comment before `)` was printed after it, and one after `)` on the next line.
    p.moveTo(call.end);
    p.token(')');
  }
}

