/**
 * grammar/: the railroad diagrams are regenerated from the parser and compared with the
 * committed page, and the EBNF is checked against the rules the parser records.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import type { ISerializedGast } from 'chevrotain';
import { describe, expect, it } from 'vitest';
import { DIAGRAMS_COMMAND, DIAGRAMS_FILE, renderDiagramsHtml } from '../scripts/diagrams.js';
import { AlloyParser } from '../src/parser/parser.js';

const EBNF_FILE = fileURLToPath(new URL('../../../grammar/alloy.ebnf', import.meta.url));

// Every top-level production is a rule, serialized with its name.
const parserRules = new AlloyParser()
  .getSerializedGastProductions()
  .map((rule) => (rule as ISerializedGast & { name: string }).name);

describe('grammar/diagrams.html', () => {
  const html = renderDiagramsHtml();

  it('is up to date with the parser', () => {
    let committed: string | undefined;
    try {
      committed = readFileSync(DIAGRAMS_FILE, 'utf8');
    } catch {
      committed = undefined;
    }
    // Not `toBe`: a 60 kB diff would bury the one line that says what to do.
    if (committed !== html) expect.fail(`grammar/diagrams.html is stale: run ${DIAGRAMS_COMMAND}`);
  });

  it('renders the same bytes every time', () => {
    expect(renderDiagramsHtml()).toBe(html);
  });

  it('is self-contained', () => {
    expect(html).not.toMatch(/<script[^>]*\ssrc=|<link[^>]*\shref=|https?:\/\/unpkg/);
  });

  it('draws one diagram per parser rule when its scripts run', () => {
    // Run the inlined scripts against a minimal stand-in for the browser's document: the
    // page sets `innerHTML` of its target to headings and SVG diagrams.
    const target = { innerHTML: '' };
    const window: Record<string, unknown> = {
      document: {
        getElementById: () => target,
        getElementsByClassName: () => [],
        querySelectorAll: () => [],
        addEventListener: () => undefined,
      },
    };
    window['window'] = window;
    const context = vm.createContext(window);
    for (const [, script] of html.matchAll(/<script>\n([\s\S]*?)<\/script>/g)) vm.runInContext(script!, context);

    const headers = [...target.innerHTML.matchAll(/<h2 class="diagramHeader">([^<]*)<\/h2>/g)].map((m) => m[1]);
    expect(headers).toEqual(parserRules);
    expect(target.innerHTML.match(/<svg class="railroad-diagram"/g)).toHaveLength(parserRules.length);
  });
});

describe('grammar/alloy.ebnf', () => {
  const { defined, referenced } = readEbnf(readFileSync(EBNF_FILE, 'utf8'));

  it('defines every rule of the parser', () => {
    const missing = parserRules.filter((name) => !defined.includes(name));
    expect(missing, `parser rules without a rule in grammar/alloy.ebnf: ${missing.join(', ')}`).toEqual([]);
  });

  it('defines each rule once', () => {
    const twice = defined.filter((name, i) => defined.indexOf(name) !== i);
    expect(twice).toEqual([]);
  });

  it('defines every rule it refers to', () => {
    const undefinedNames = [...new Set(referenced)].filter((name) => !defined.includes(name));
    expect(undefinedNames).toEqual([]);
  });

  it('writes the precedence levels out', () => {
    for (const name of ['orExpr', 'andExpr', 'cmpExpr', 'addExpr', 'mulExpr', 'powExpr']) {
      expect(defined).toContain(name);
    }
  });
});

/**
 * The names a W3C-style EBNF defines (`name ::= ...`) and the names its right-hand sides
 * refer to, skipping comments, quoted literals and character classes.
 */
function readEbnf(text: string): { defined: string[]; referenced: string[] } {
  let stripped = '';
  for (let i = 0; i < text.length; ) {
    const ch = text[i]!;
    let end: number;
    if (text.startsWith('/*', i)) end = closing(text, '*/', i + 2);
    else if (ch === "'" || ch === '"') end = closing(text, ch, i + 1);
    else if (ch === '[') end = closing(text, ']', i + 1);
    else if (ch === '#' && /^#x[0-9a-fA-F]+/.test(text.slice(i))) end = i + /^#x[0-9a-fA-F]+/.exec(text.slice(i))![0].length;
    else {
      stripped += ch;
      i++;
      continue;
    }
    stripped += ' ';
    i = end;
  }
  const defined = [...stripped.matchAll(/^([A-Za-z_][A-Za-z0-9_]*)[ \t]*::=/gm)].map((m) => m[1]!);
  const rightHandSides = stripped.replace(/^[A-Za-z_][A-Za-z0-9_]*[ \t]*::=/gm, ' ');
  const referenced = [...rightHandSides.matchAll(/[A-Za-z_][A-Za-z0-9_]*/g)].map((m) => m[0]);
  return { defined, referenced };
}

/** The offset after the first `close` at or after `from`; a missing one fails the test. */
function closing(text: string, close: string, from: number): number {
  const at = text.indexOf(close, from);
  if (at < 0) throw new Error(`grammar/alloy.ebnf: unterminated ${close} from offset ${from}`);
  return at + close.length;
}
