/**
 * The examples in the documentation: every ```alloy block of every markdown file under
 * docs/ (and of README.md) is a complete file that parses without a diagnostic, and every
 * ```alloy-invalid block produces at least one.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatDiagnostic, parseFile } from '../src/index.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

interface Example {
  readonly file: string;
  /** 1-based line of the opening fence. */
  readonly line: number;
  readonly valid: boolean;
  readonly source: string;
}

function markdownFiles(): string[] {
  const files: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.md')) files.push(path);
    }
  };
  const docs = join(ROOT, 'docs');
  if (existsSync(docs)) walk(docs);
  const readme = join(ROOT, 'README.md');
  if (existsSync(readme)) files.push(readme);
  return files;
}

/**
 * Fenced code blocks tagged `alloy` or `alloy-invalid` (CommonMark: an opening fence of three
 * or more backticks or tildes, indented up to three spaces or inside a list item, closed
 * by a fence of the same character at least as long). Indentation of the opening fence is
 * removed from the lines of the block, as CommonMark does for list items.
 */
export function extractExamples(markdown: string, file: string): Example[] {
  const examples: Example[] = [];
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const open = /^([ \t]*)(`{3,}|~{3,})[ \t]*([^\s`]*)[^`]*$/.exec(lines[i]!);
    if (open === null) continue;
    const [, indent, fence, info] = open as unknown as [string, string, string, string];
    const body: string[] = [];
    let j = i + 1;
    const close = new RegExp(`^[ \\t]*${fence[0] === '`' ? '`' : '~'}{${fence.length},}[ \\t]*$`);
    for (; j < lines.length && !close.test(lines[j]!); j++) {
      body.push(lines[j]!.startsWith(indent) ? lines[j]!.slice(indent.length) : lines[j]!.trimStart());
    }
    if (info === 'alloy' || info === 'alloy-invalid') {
      examples.push({ file, line: i + 1, valid: info === 'alloy', source: body.length > 0 ? `${body.join('\n')}\n` : '' });
    }
    i = j;
  }
  return examples;
}

const examples = markdownFiles().flatMap((path) => extractExamples(readFileSync(path, 'utf8'), relative(ROOT, path)));

describe('documentation examples', () => {
  it('finds the examples', () => {
    expect(examples.filter((e) => e.file === join('docs', 'syntax.md')).length).toBeGreaterThan(10);
  });

  it.each(examples.filter((e) => e.valid).map((e) => [`${e.file}:${e.line}`, e] as const))(
    '%s parses without diagnostics',
    (name, example) => {
      const { diagnostics } = parseFile(example.source, { filename: name });
      expect(diagnostics.map(formatDiagnostic)).toEqual([]);
    },
  );

  it.each(examples.filter((e) => !e.valid).map((e) => [`${e.file}:${e.line}`, e] as const))(
    '%s (alloy-invalid) is reported',
    (name, example) => {
      const { diagnostics } = parseFile(example.source, { filename: name });
      expect(diagnostics.length, `${name} is tagged alloy-invalid but parses without a diagnostic`).toBeGreaterThan(0);
    },
  );
});

describe('extractExamples', () => {
  it('reads tagged fences, also inside list items, and ignores others', () => {
    const markdown = [
      '```alloy', 'a = 1', '```',
      '```sh', 'ingot fmt', '```',
      '- item', '', '  ```alloy-invalid', '  a = ', '  ```',
      '````alloy', '```', 'b = 2', '````',
    ].join('\n');
    expect(extractExamples(markdown, 'x.md')).toEqual([
      { file: 'x.md', line: 1, valid: true, source: 'a = 1\n' },
      { file: 'x.md', line: 9, valid: false, source: 'a = \n' },
      { file: 'x.md', line: 12, valid: true, source: '```\nb = 2\n' },
    ]);
  });
});
