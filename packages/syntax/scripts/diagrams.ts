/**
 * Renders `grammar/diagrams.html`: railroad diagrams of the grammar the Chevrotain parser
 * records at construction (`AlloyParser#getSerializedGastProductions`).
 *
 * `createSyntaxDiagramsCode` makes a page that loads the railroad-diagrams library and
 * its stylesheet from a CDN. Chevrotain ships those very files in its package
 * (`chevrotain/diagrams/`), so they are inlined instead: the page works offline, and it
 * changes exactly when the grammar or the installed Chevrotain changes. Nothing in the
 * output depends on the time, the machine or the path of the checkout, so the same
 * grammar always renders to the same bytes.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { VERSION, createSyntaxDiagramsCode } from 'chevrotain';
import { AlloyParser } from '../src/parser/parser.js';

/** Where the rendered page is committed. */
export const DIAGRAMS_FILE = fileURLToPath(new URL('../../../grammar/diagrams.html', import.meta.url));

/** The command that regenerates it. */
export const DIAGRAMS_COMMAND = 'npm run grammar:diagrams';

// Placeholders handed to createSyntaxDiagramsCode in place of CDN addresses; every tag
// that refers to one is replaced by the inlined file.
const RESOURCE_BASE = 'ingot-inline:';
const CSS = 'ingot-inline:diagrams.css';

const GENERATED_NOTE = '<!-- This is a generated file -->';
const CHARSET = '<meta charset="utf-8">';

/** The page for the parser's grammar, as it is committed. */
export function renderDiagramsHtml(): string {
  const grammar = new AlloyParser().getSerializedGastProductions();
  const page = createSyntaxDiagramsCode(grammar, { resourceBase: RESOURCE_BASE, css: CSS })
    // Chevrotain's template leaves blanks at the end of some lines; the assets have none.
    .replace(/[ \t]+$/gm, '')
    .trimStart();

  const assets = chevrotainDiagramsDir();
  let scripts = 0;
  let styles = 0;
  const html = replaceOnce(replaceOnce(page, GENERATED_NOTE, header()), CHARSET, `${CHARSET}\n<title>Alloy grammar: syntax diagrams (Ingot)</title>`)
    .replace(/<link rel='stylesheet' href='([^']*)'>/g, (_tag, href: string) => {
      if (href !== CSS) throw new Error(`unexpected stylesheet ${href} in chevrotain's diagrams page`);
      styles++;
      return `<style>\n/* chevrotain/diagrams/diagrams.css */\n${readAsset(assets, 'diagrams.css')}</style>`;
    })
    .replace(/<script src='([^']*)'><\/script>/g, (_tag, src: string) => {
      if (!src.startsWith(RESOURCE_BASE)) throw new Error(`unexpected script ${src} in chevrotain's diagrams page`);
      scripts++;
      const path = src.slice(RESOURCE_BASE.length);
      return `<script>\n/* chevrotain/diagrams/${path} */\n${readAsset(assets, path)}</script>`;
    });

  // A page that still refers to the CDN (or to nothing) would be a silent regression.
  if (styles !== 1 || scripts !== 4 || html.includes(RESOURCE_BASE)) {
    throw new Error(
      `chevrotain ${VERSION} renders its diagrams page differently than expected ` +
        `(${styles} stylesheet(s), ${scripts} script(s) inlined); update packages/syntax/scripts/diagrams.ts`,
    );
  }
  return html.endsWith('\n') ? html : `${html}\n`;
}

function header(): string {
  return [
    '<!--',
    '  Railroad diagrams of the Alloy grammar as recorded by Ingot\'s parser',
    '  (packages/syntax/src/parser/parser.ts). The grammar in EBNF: grammar/alloy.ebnf.',
    '',
    `  This is a generated file: run \`${DIAGRAMS_COMMAND}\` after changing the parser.`,
    `  Scripts and styles are inlined from chevrotain ${VERSION} (chevrotain/diagrams/, Apache-2.0),`,
    '  which includes railroad-diagrams by Tab Atkins Jr. (CC0).',
    '-->',
  ].join('\n');
}

/** The `diagrams/` folder of the installed chevrotain package. */
function chevrotainDiagramsDir(): string {
  const require = createRequire(import.meta.url);
  // The package exports only its entry point (…/chevrotain/lib/src/api.js); walk up to
  // the folder that holds chevrotain's package.json.
  for (let dir = dirname(require.resolve('chevrotain')); dir !== dirname(dir); dir = dirname(dir)) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string };
      if (pkg.name === 'chevrotain') return join(dir, 'diagrams');
    } catch {
      // no package.json at this level
    }
  }
  throw new Error('cannot find the chevrotain package');
}

function readAsset(dir: string, path: string): string {
  const text = readFileSync(join(dir, ...path.split('/')), 'utf8').replace(/\r\n/g, '\n');
  // Inline text must not end the element it is placed in.
  if (/<\/(script|style)/i.test(text)) throw new Error(`chevrotain/diagrams/${path} cannot be inlined`);
  return text.endsWith('\n') ? text : `${text}\n`;
}

function replaceOnce(text: string, search: string, replacement: string): string {
  const at = text.indexOf(search);
  if (at < 0 || text.indexOf(search, at + 1) >= 0) {
    throw new Error(`expected "${search}" exactly once in chevrotain's diagrams page`);
  }
  return text.slice(0, at) + replacement + text.slice(at + search.length);
}
