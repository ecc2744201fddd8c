/**
 * `npm run grammar:diagrams`: writes grammar/diagrams.html from the parser's grammar.
 * With `--check`, writes nothing and exits 1 when the committed file is stale.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { DIAGRAMS_COMMAND, DIAGRAMS_FILE, renderDiagramsHtml } from './diagrams.js';

const html = renderDiagramsHtml();
const shown = relative(process.cwd(), DIAGRAMS_FILE);

if (process.argv.includes('--check')) {
  let current: string | undefined;
  try {
    current = readFileSync(DIAGRAMS_FILE, 'utf8');
  } catch {
    current = undefined;
  }
  if (current !== html) {
    process.stderr.write(`${shown} is stale: run ${DIAGRAMS_COMMAND}\n`);
    process.exitCode = 1;
  }
} else {
  writeFileSync(DIAGRAMS_FILE, html);
  process.stdout.write(`wrote ${shown}\n`);
}
