import { OptionalSecret, Secret } from '@ingot/syntax';
import { describe, expect, it } from 'vitest';
import { LogSystem } from './log-system.js';

const AT = new Date('2026-05-01T10:00:00.123Z');

/** A system writing into an array, its clock fixed at `AT` unless moved. */
function setup(bufferLimit?: number) {
  const lines: string[] = [];
  const clock = { now: AT };
  const system = new LogSystem({
    write: (chunk) => lines.push(chunk),
    now: () => clock.now,
    ...(bufferLimit === undefined ? {} : { bufferLimit }),
  });
  return { system, lines, clock };
}

describe('logfmt lines', () => {
  it('writes ts, level, msg, then the bindings, then the call fields', () => {
    const { system, lines } = setup();
    system.configure({ level: 'info', format: 'logfmt' });
    const component = system.logger.child({ component_path: '/', component_id: 'local.file.a' });
    component.info('starting component', { attempt: 1, ok: true });
    expect(lines).toEqual([
      'ts=2026-05-01T10:00:00.123Z level=info msg="starting component" component_path=/ component_id=local.file.a attempt=1 ok=true\n',
    ]);
  });

  it('puts a child of a child after its parent, and keeps a key bound twice', () => {
    const { system, lines } = setup();
    system.configure({ level: 'info', format: 'logfmt' });
    const controller = system.logger.child({ controller_path: '/', controller_id: '' });
    const node = controller.child({ node_id: 'a' }).child({ trace_id: 't1', node_id: 'b' });
    node.warn('finished node evaluation', { duration: '1.5ms' });
    expect(lines).toEqual([
      'ts=2026-05-01T10:00:00.123Z level=warn msg="finished node evaluation" controller_path=/ controller_id="" node_id=a trace_id=t1 node_id=b duration=1.5ms\n',
    ]);
  });

  it('quotes a message or value only when it must, with Go escapes', () => {
    const { system, lines } = setup();
    system.configure({ level: 'debug', format: 'logfmt' });
    system.logger.error('failed', {
      plain: 'a/b:c',
      empty: '',
      space: 'a b',
      equals: 'a=b',
      quote: 'say "hi"',
      backslash: 'C:\\dir',
      newline: 'one\ntwo\tthree\r',
      control: '\u0001\u0007',
      unicode: 'héllo',
      nbsp: 'a\u00a0b',
    });
    expect(lines).toEqual([
      'ts=2026-05-01T10:00:00.123Z level=error msg=failed plain=a/b:c empty="" space="a b" equals="a=b" ' +
        'quote="say \\"hi\\"" backslash=C:\\dir newline="one\\ntwo\\tthree\\r" control="\\x01\\a" unicode=héllo nbsp="a\\u00a0b"\n',
    ]);
  });

  it('omits msg for an empty message', () => {
    const { system, lines } = setup();
    system.configure({ level: 'info', format: 'logfmt' });
    system.logger.info('', { k: 'v' });
    system.logger.info('');
    expect(lines).toEqual(['ts=2026-05-01T10:00:00.123Z level=info k=v\n', 'ts=2026-05-01T10:00:00.123Z level=info\n']);
  });

  it('renders numbers, booleans, null, errors and structures', () => {
    const { system, lines } = setup();
    system.configure({ level: 'info', format: 'logfmt' });
    system.logger.info('values', {
      int: 42,
      float: 0.25,
      big: 12345678901234567890n,
      nan: Number.NaN,
      inf: -Infinity,
      no: false,
      nil: null,
      missing: undefined,
      err: new Error('open /etc/x: no such file'),
      list: [1, 'two'],
      object: { a: 1 },
      date: new Date('2026-01-02T03:04:05Z'),
    });
    expect(lines).toEqual([
      'ts=2026-05-01T10:00:00.123Z level=info msg=values int=42 float=0.25 big=12345678901234567890 nan=NaN inf=-Inf ' +
        'no=false nil=null missing=null err="open /etc/x: no such file" list="[1,\\"two\\"]" object="{\\"a\\":1}" ' +
        'date=2026-01-02T03:04:05Z\n',
    ]);
  });

  it('sanitizes keys: trimmed, and space = " and control whitespace replaced by _', () => {
    const { system, lines } = setup();
    system.configure({ level: 'info', format: 'logfmt' });
    system.logger.child({ '\tspaced key\n': 'baz' }).info('hello world', {
      'key=with=equal': 'qux',
      'key"with"quote': 'quux',
      'a\vb\fc\rd': 1,
      'dotted.key-é': 2,
    });
    expect(lines).toEqual([
      'ts=2026-05-01T10:00:00.123Z level=info msg="hello world" spaced_key=baz key_with_equal=qux key_with_quote=quux a_b_c_d=1 dotted.key-é=2\n',
    ]);
  });

  it('trims the fraction of ts as RFC3339Nano does', () => {
    const { system, lines, clock } = setup();
    system.configure({ level: 'info', format: 'logfmt' });
    for (const iso of ['2026-05-01T10:00:00.000Z', '2026-05-01T10:00:00.100Z', '2026-05-01T10:00:00.050Z']) {
      clock.now = new Date(iso);
      system.logger.info('tick');
    }
    expect(lines).toEqual([
      'ts=2026-05-01T10:00:00Z level=info msg=tick\n',
      'ts=2026-05-01T10:00:00.1Z level=info msg=tick\n',
      'ts=2026-05-01T10:00:00.05Z level=info msg=tick\n',
    ]);
  });

  it('never throws on a value that cannot be rendered, in either format', () => {
    const { system, lines } = setup();
    system.configure({ level: 'info', format: 'logfmt' });
    const cyclic: Record<string, unknown> = { name: 'a' };
    cyclic['self'] = cyclic;
    const hostile = {
      toJSON() {
        throw new Error('no');
      },
    };
    const fields = {
      cyclic,
      hostile,
      get broken(): string {
        throw new Error('bad getter');
      },
      after: 1,
    };
    system.logger.info('odd', fields);
    system.configure({ level: 'info', format: 'json' });
    system.logger.info('odd', fields);
    expect(lines).toEqual([
      'ts=2026-05-01T10:00:00.123Z level=info msg=odd cyclic="{\\"name\\":\\"a\\",\\"self\\":\\"[Circular]\\"}" hostile=!ERROR:no broken="!ERROR:bad getter" after=1\n',
      '{"ts":"2026-05-01T10:00:00.123Z","level":"info","msg":"odd","cyclic":{"name":"a","self":"[Circular]"},"hostile":"!ERROR:no","broken":"!ERROR:bad getter","after":1}\n',
    ]);
  });
});

describe('JSON lines', () => {
  it('writes the same keys in the same order', () => {
    const { system, lines } = setup();
    system.configure({ level: 'info', format: 'json' });
    const component = system.logger.child({ component_path: '/', component_id: 'local.file.a' });
    component.child({ 'file path': '/tmp/x' }).error('failed to read file', {
      err: new Error('EACCES'),
      size: 10,
      tags: ['a', 'b'],
      meta: { ok: true, big: 1n, nothing: undefined },
      nil: null,
    });
    component.info('');
    expect(lines).toEqual([
      '{"ts":"2026-05-01T10:00:00.123Z","level":"error","msg":"failed to read file","component_path":"/",' +
        '"component_id":"local.file.a","file_path":"/tmp/x","err":"EACCES","size":10,"tags":["a","b"],' +
        '"meta":{"ok":true,"big":1},"nil":null}\n',
      '{"ts":"2026-05-01T10:00:00.123Z","level":"info","component_path":"/","component_id":"local.file.a"}\n',
    ]);
  });

  it('escapes strings as Go does, without HTML escaping', () => {
    const { system, lines } = setup();
    system.configure({ level: 'info', format: 'json' });
    system.logger.info('say "hi"\n', { html: '<a&b>', control: '\u0001\b\f\t', separator: '\u2028', lone: '\ud800' });
    expect(lines).toEqual([
      '{"ts":"2026-05-01T10:00:00.123Z","level":"info","msg":"say \\"hi\\"\\n","html":"<a&b>",' +
        '"control":"\\u0001\\u0008\\u000c\\t","separator":"\\u2028","lone":"\\ufffd"}\n',
    ]);
  });
});

describe('secrets', () => {
  it('never writes a secret, bound, passed, or nested, in either format', () => {
    const { system, lines } = setup();
    system.configure({ level: 'info', format: 'logfmt' });
    const logger = system.logger.child({ password: new Secret('hunter2') });
    const fields = {
      token: new OptionalSecret('s3cr3t', true),
      user: new OptionalSecret('alice', false),
      nested: { auth: [new Secret('hunter2')] },
    };
    logger.info('auth', fields);
    system.configure({ level: 'info', format: 'json' });
    logger.info('auth', fields);
    expect(lines).toEqual([
      'ts=2026-05-01T10:00:00.123Z level=info msg=auth password=(secret) token=(secret) user=alice nested="{\\"auth\\":[\\"(secret)\\"]}"\n',
      '{"ts":"2026-05-01T10:00:00.123Z","level":"info","msg":"auth","password":"(secret)","token":"(secret)","user":"alice","nested":{"auth":["(secret)"]}}\n',
    ]);
    expect(lines.join('')).not.toMatch(/hunter2|s3cr3t/);
  });
});

describe('levels and reconfiguring', () => {
  it('drops records below the level', () => {
    const { system, lines } = setup();
    system.configure({ level: 'warn', format: 'logfmt' });
    system.logger.debug('d');
    system.logger.info('i');
    system.logger.warn('w');
    system.logger.error('e');
    expect(lines).toEqual(['ts=2026-05-01T10:00:00.123Z level=warn msg=w\n', 'ts=2026-05-01T10:00:00.123Z level=error msg=e\n']);
  });

  it('builds nothing for a disabled level', () => {
    const { system, lines } = setup();
    system.configure({ level: 'info', format: 'logfmt' });
    const fields = {
      get expensive(): string {
        throw new Error('rendered a disabled record');
      },
    };
    system.logger.child({ a: 1 }).debug('never', fields);
    expect(lines).toEqual([]);
  });

  it('makes loggers handed out earlier follow a new level and format', () => {
    const { system, lines } = setup();
    system.configure({ level: 'info', format: 'logfmt' });
    const component = system.logger.child({ component_id: 'a' });
    const nested = component.child({ step: 1 });
    nested.debug('hidden');
    nested.info('as logfmt');

    system.configure({ level: 'debug', format: 'json' });
    nested.debug('now shown');
    component.info('as json');

    system.configure({ level: 'error', format: 'logfmt' });
    component.warn('hidden again');
    component.error('back to logfmt');
    expect(lines).toEqual([
      'ts=2026-05-01T10:00:00.123Z level=info msg="as logfmt" component_id=a step=1\n',
      '{"ts":"2026-05-01T10:00:00.123Z","level":"debug","msg":"now shown","component_id":"a","step":1}\n',
      '{"ts":"2026-05-01T10:00:00.123Z","level":"info","msg":"as json","component_id":"a"}\n',
      'ts=2026-05-01T10:00:00.123Z level=error msg="back to logfmt" component_id=a\n',
    ]);
  });

  it('keeps two systems apart', () => {
    const first = setup();
    const second = setup();
    first.system.configure({ level: 'debug', format: 'logfmt' });
    second.system.configure({ level: 'error', format: 'json' });
    first.system.logger.debug('one');
    second.system.logger.debug('two');
    expect(first.lines).toEqual(['ts=2026-05-01T10:00:00.123Z level=debug msg=one\n']);
    expect(second.lines).toEqual([]);
  });
});

describe('buffering until the first configure', () => {
  it('writes nothing, then replays what the configured level lets through, in the configured format', () => {
    const { system, lines, clock } = setup();
    const logger = system.logger.child({ service: 'http' });
    logger.debug('debug before');
    clock.now = new Date('2026-05-01T10:00:01Z');
    logger.info('info before', { n: 1 });
    logger.error('error before');
    expect(lines).toEqual([]);

    clock.now = new Date('2026-05-01T10:00:02Z');
    system.configure({ level: 'info', format: 'json' });
    logger.info('after');
    expect(lines).toEqual([
      // Each record keeps the time it was logged at.
      '{"ts":"2026-05-01T10:00:01Z","level":"info","msg":"info before","service":"http","n":1}\n',
      '{"ts":"2026-05-01T10:00:01Z","level":"error","msg":"error before","service":"http"}\n',
      '{"ts":"2026-05-01T10:00:02Z","level":"info","msg":"after","service":"http"}\n',
    ]);
  });

  it('replays debug records when the level is debug', () => {
    const { system, lines } = setup();
    system.logger.debug('early');
    system.configure({ level: 'debug', format: 'logfmt' });
    expect(lines).toEqual(['ts=2026-05-01T10:00:00.123Z level=debug msg=early\n']);
  });

  it('keeps the fields as they were at the call', () => {
    const { system, lines } = setup();
    const fields: Record<string, unknown> = { attempt: 1 };
    system.logger.info('try', fields);
    fields['attempt'] = 2;
    system.configure({ level: 'info', format: 'logfmt' });
    expect(lines).toEqual(['ts=2026-05-01T10:00:00.123Z level=info msg=try attempt=1\n']);
  });

  it('replays only once: a later configure changes nothing in the past', () => {
    const { system, lines } = setup();
    system.logger.info('once');
    system.configure({ level: 'info', format: 'logfmt' });
    system.configure({ level: 'debug', format: 'json' });
    expect(lines).toEqual(['ts=2026-05-01T10:00:00.123Z level=info msg=once\n']);
  });

  it('flushWithDefaults replays at level info in logfmt, then writes directly', () => {
    const { system, lines } = setup();
    system.logger.debug('dropped');
    system.logger.info('Alloy is starting');
    system.flushWithDefaults();
    system.logger.error('failed to load config');
    system.logger.debug('still dropped');
    expect(lines).toEqual([
      'ts=2026-05-01T10:00:00.123Z level=info msg="Alloy is starting"\n',
      'ts=2026-05-01T10:00:00.123Z level=error msg="failed to load config"\n',
    ]);
  });

  it('flushWithDefaults after configure leaves the configuration alone', () => {
    const { system, lines } = setup();
    system.configure({ level: 'debug', format: 'json' });
    system.flushWithDefaults();
    system.logger.debug('d');
    expect(lines).toEqual(['{"ts":"2026-05-01T10:00:00.123Z","level":"debug","msg":"d"}\n']);
  });

  it('keeps the newest records within the limit and says how many were dropped', () => {
    const { system, lines, clock } = setup(3);
    for (let i = 1; i <= 5; i++) system.logger.info(`record ${i}`);
    clock.now = new Date('2026-05-01T10:00:09Z');
    system.configure({ level: 'info', format: 'logfmt' });
    expect(lines).toEqual([
      'ts=2026-05-01T10:00:09Z level=warn msg="log records were dropped before logging was configured" dropped=2 kept=3\n',
      'ts=2026-05-01T10:00:00.123Z level=info msg="record 3"\n',
      'ts=2026-05-01T10:00:00.123Z level=info msg="record 4"\n',
      'ts=2026-05-01T10:00:00.123Z level=info msg="record 5"\n',
    ]);
  });

  it('bounds the buffer at 10 000 records by default', () => {
    const { system, lines } = setup();
    for (let i = 1; i <= 10_005; i++) system.logger.info('r', { i });
    system.configure({ level: 'info', format: 'logfmt' });
    expect(lines).toHaveLength(10_001);
    expect(lines[0]).toContain('dropped=5 kept=10000');
    expect(lines[1]).toBe('ts=2026-05-01T10:00:00.123Z level=info msg=r i=6\n');
    expect(lines.at(-1)).toBe('ts=2026-05-01T10:00:00.123Z level=info msg=r i=10005\n');
  });
});
