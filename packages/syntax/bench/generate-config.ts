/**
 * Deterministic generator of a large, realistic Alloy configuration and of a JSON document
 * of the same structure, for the parser benchmark and the large-file test.
 *
 * Both texts come from one in-memory model, generated block by block from a seeded PRNG
 * (no `Math.random`), so the same seed always yields byte-identical output. The JSON
 * document mirrors the Alloy file: blocks become objects (top-level ones name themselves
 * with a `"$block"` key; nested blocks are keys, repeated ones arrays; labels are
 * `"$label"` keys), attributes become keys, expressions small `"$call"`/`"$op"` objects,
 * and strings and numbers are the same values. It is laid out like the Alloy text (same
 * line breaks, tab indentation) so the two are close in size.
 */
import { mulberry32 } from '../test/support/mulberry32.js';

// ---------------------------------------------------------------------------------------
// Model

type Value =
  | { readonly k: 'str'; readonly v: string; readonly raw?: boolean }
  | { readonly k: 'int'; readonly v: number }
  | { readonly k: 'float'; readonly v: number }
  | { readonly k: 'bool'; readonly v: boolean }
  | { readonly k: 'null' }
  | { readonly k: 'arr'; readonly items: readonly Value[]; readonly multiline?: boolean }
  | { readonly k: 'obj'; readonly entries: readonly (readonly [string, Value])[]; readonly multiline?: boolean }
  /** A reference such as `pyroscope.write.w_1.receiver`; a string in JSON. */
  | { readonly k: 'ref'; readonly path: string }
  | { readonly k: 'call'; readonly fn: string; readonly args: readonly Value[] }
  | { readonly k: 'bin'; readonly op: '+' | '*'; readonly left: Value; readonly right: Value };

type Statement =
  | { readonly k: 'attr'; readonly name: string; readonly value: Value; readonly comment?: string }
  | { readonly k: 'block'; readonly name: string; readonly label?: string; readonly body: readonly Statement[]; readonly comment?: string };

// ---------------------------------------------------------------------------------------
// Seeded PRNG

class Random {
  private readonly next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  /** A float with two decimals that never prints as an integer or in exponent form. */
  float(min: number, max: number): number {
    return this.int(min * 100, max * 100 - 1) / 100 + 0.005;
  }
  word(): string {
    return this.pick(WORDS);
  }
  words(min: number, max: number, sep = ' '): string {
    const n = this.int(min, max);
    const out: string[] = [];
    for (let i = 0; i < n; i++) out.push(this.word());
    return out.join(sep);
  }
  hex(length: number): string {
    let s = '';
    for (let i = 0; i < length; i++) s += HEX[this.int(0, 15)];
    return s;
  }
}

const HEX = '0123456789abcdef';
const WORDS = [
  'checkout', 'payments', 'cart', 'frontend', 'search', 'ledger', 'auth', 'gateway', 'inventory',
  'billing', 'shipping', 'catalog', 'recommend', 'notify', 'users', 'orders', 'edge', 'ingest',
  'query', 'compactor', 'router', 'scheduler', 'worker', 'cache', 'store', 'index', 'api',
  'prod', 'staging', 'eu', 'us', 'west', 'east', 'central', 'blue', 'green', 'canary',
  'café', 'naïve', 'zürich', '東京', 'данные',
];
/** Words that are valid identifiers, for block labels. */
const ASCII_WORDS = WORDS.filter((w) => /^[a-z]+$/.test(w));
const ENVIRONMENTS = ['prod', 'staging', 'dev', 'qa'];
const REGIONS = ['eu-west-1', 'us-east-1', 'us-west-2', 'ap-south-1', 'eu-central-1'];
const PROFILES = ['process_cpu', 'memory', 'goroutine', 'mutex', 'block', 'fgprof', 'godeltaprof_memory'];
const ACTIONS = ['replace', 'keep', 'drop', 'labelmap', 'labeldrop', 'hashmod'];
const META_LABELS = [
  '__meta_kubernetes_namespace', '__meta_kubernetes_pod_name', '__meta_kubernetes_pod_container_name',
  '__meta_kubernetes_pod_label_app', '__meta_kubernetes_pod_annotation_profiles_grafana_com_cpu_scrape',
  '__meta_kubernetes_pod_node_name', '__meta_kubernetes_pod_phase', '__address__',
];
const DURATIONS = ['5s', '10s', '15s', '30s', '1m', '2m', '500ms', '250ms'];

// ---------------------------------------------------------------------------------------
// Model generation

const str = (v: string, raw = false): Value => (raw ? { k: 'str', v, raw } : { k: 'str', v });
const int = (v: number): Value => ({ k: 'int', v });
const bool = (v: boolean): Value => ({ k: 'bool', v });
const attr = (name: string, value: Value, comment?: string): Statement =>
  comment === undefined ? { k: 'attr', name, value } : { k: 'attr', name, value, comment };
const block = (name: string, label: string | undefined, body: Statement[], comment?: string): Statement => ({
  k: 'block', name, body,
  ...(label === undefined ? {} : { label }),
  ...(comment === undefined ? {} : { comment }),
});

class ModelGenerator {
  private writers = 0;
  constructor(private readonly r: Random) {}

  /** Top-level block number `n`. */
  topLevel(n: number): Statement {
    const r = this.r;
    // Writers come first so that references point at blocks that exist.
    if (n === 0 || r.chance(0.12)) return this.pyroscopeWrite();
    const roll = r.int(0, 99);
    if (roll < 40) return this.pyroscopeScrape(n);
    if (roll < 62) return this.discoveryRelabel(n);
    if (roll < 74) return this.discoveryKubernetes(n);
    if (roll < 90) return this.lokiProcess(n);
    return this.prometheusScrape(n);
  }

  private receiver(component = 'pyroscope.write'): Value {
    return { k: 'ref', path: `${component}.w_${this.r.int(0, Math.max(0, this.writers - 1))}.receiver` };
  }

  private host(): string {
    const r = this.r;
    return `${r.word()}-${r.hex(5)}.${r.pick(ENVIRONMENTS)}.svc.cluster.local:${r.int(1024, 65535)}`;
  }

  private labels(min: number, max: number): Value {
    const r = this.r;
    const n = r.int(min, max);
    const entries: [string, Value][] = [];
    for (let i = 0; i < n; i++) entries.push([`${r.word()}_${i}`, str(r.words(1, 3, '-'))]);
    return { k: 'obj', entries, multiline: true };
  }

  private pyroscopeWrite(): Statement {
    const r = this.r;
    const id = this.writers++;
    const endpoints: Statement[] = [];
    for (let e = r.int(1, 2); e > 0; e--) {
      const body: Statement[] = [
        attr('url', str(`https://profiles-${r.pick(REGIONS)}.grafana.net/${r.hex(8)}/ingest?tenant=${r.word()}`)),
        attr('headers', {
          k: 'obj', multiline: true,
          entries: [
            ['X-Scope-OrgID', str(`tenant-${r.hex(6)}`)],
            ['X-Request-Source', str(`alloy/${r.word()}`)],
            ['Authorization', str(`Bearer ${r.hex(40)}`)],
          ],
        }),
        attr('remote_timeout', str(r.pick(DURATIONS))),
        attr('min_backoff_period', str(r.pick(DURATIONS))),
        attr('max_backoff_retries', int(r.int(1, 20))),
        block('basic_auth', undefined, [
          attr('username', str(String(r.int(100000, 999999)))),
          attr('password', { k: 'call', fn: 'sys.env', args: [str(`PYROSCOPE_PASSWORD_${id}`)] }),
        ]),
      ];
      if (r.chance(0.3)) body.push(block('tls_config', undefined, [attr('insecure_skip_verify', bool(false)), attr('ca_file', str(`/etc/ssl/${r.word()}.pem`))]));
      endpoints.push(block('endpoint', undefined, body));
    }
    return block('pyroscope.write', `w_${id}`, [
      ...endpoints,
      attr('external_labels', this.labels(2, 6)),
    ], `Profiles writer ${id}: ${r.words(3, 8)}.`);
  }

  private pyroscopeScrape(n: number): Statement {
    const r = this.r;
    const targets: Value[] = [];
    for (let i = r.int(3, 12); i > 0; i--) {
      const entries: [string, Value][] = [
        ['__address__', str(this.host())],
        ['service_name', str(`${r.word()}/${r.word()}`)],
      ];
      if (r.chance(0.5)) entries.push(['namespace', str(r.pick(ENVIRONMENTS))]);
      if (r.chance(0.3)) entries.push(['pod', str(`${r.word()}-${r.hex(10)}-${r.hex(5)}`)]);
      targets.push({ k: 'obj', entries });
    }
    const profiles: Statement[] = [];
    for (const profile of PROFILES) {
      if (!r.chance(0.6)) continue;
      const body = [attr('enabled', bool(r.chance(0.8)))];
      if (r.chance(0.5)) body.push(attr('path', str(`/debug/pprof/${profile}`)));
      if (r.chance(0.4)) body.push(attr('delta', bool(r.chance(0.5))));
      profiles.push(block(`profile.${profile}`, undefined, body));
    }
    if (r.chance(0.3)) {
      profiles.push(block('profile.custom', `${r.pick(ASCII_WORDS)}_${r.hex(4)}`, [
        attr('enabled', bool(true)),
        attr('path', str(`/debug/${r.word()}/profile`)),
        attr('delta', bool(false)),
      ]));
    }
    const body: Statement[] = [
      attr('targets', { k: 'arr', items: targets, multiline: true }),
      attr('forward_to', { k: 'arr', items: [this.receiver()] }),
      attr('job_name', { k: 'bin', op: '+', left: str('pyroscope/'), right: str(`app_${n}`) }),
      attr('scrape_interval', str(r.pick(DURATIONS)), r.chance(0.3) ? 'matches the agent default' : undefined),
      attr('scrape_timeout', str(r.pick(DURATIONS))),
    ];
    if (r.chance(0.5)) body.push(attr('delta_profiling_duration', str(r.pick(DURATIONS))));
    body.push(block('profiling_config', undefined, profiles));
    return block('pyroscope.scrape', `app_${n}`, body, r.chance(0.5) ? `Scrape ${r.words(2, 6)}.` : undefined);
  }

  private discoveryRelabel(n: number): Statement {
    const r = this.r;
    const body: Statement[] = [
      attr('targets', {
        k: 'call', fn: 'concat',
        args: [
          { k: 'ref', path: `discovery.kubernetes.k_${r.int(0, n)}.targets` },
          { k: 'arr', items: [{ k: 'obj', entries: [['__address__', str(this.host())]] }] },
        ],
      }),
    ];
    for (let i = r.int(3, 10); i > 0; i--) {
      const labels: Value[] = [];
      for (let j = r.int(1, 3); j > 0; j--) labels.push(str(r.pick(META_LABELS)));
      const action = r.pick(ACTIONS);
      const rule: Statement[] = [
        attr('source_labels', { k: 'arr', items: labels }),
        attr('regex', str(r.pick(['(.+)', '(.*);(.*)', 'true', `${r.word()}-[a-z0-9]+`, '([^:]+)(?::\\d+)?', '^/debug/(.+)$']))),
      ];
      if (action === 'replace') {
        rule.push(attr('target_label', str(r.pick(['service_name', 'namespace', 'pod', 'container', '__address__']))));
        rule.push(attr('replacement', str(r.pick(['$1', '$1:$2', '${1}', `${r.word()}/$1`]))));
      }
      if (action === 'hashmod') rule.push(attr('modulus', int(r.int(2, 64))));
      rule.push(attr('action', str(action)));
      if (r.chance(0.2)) rule.push(attr('separator', str(';')));
      body.push(block('rule', undefined, rule, r.chance(0.25) ? r.words(3, 9) : undefined));
    }
    return block('discovery.relabel', `r_${n}`, body);
  }

  private discoveryKubernetes(n: number): Statement {
    const r = this.r;
    const names: Value[] = [];
    for (let i = r.int(1, 5); i > 0; i--) names.push(str(`${r.word()}-${r.pick(ENVIRONMENTS)}`));
    const body: Statement[] = [
      attr('role', str(r.pick(['pod', 'service', 'endpoints', 'node']))),
      attr('api_server', r.chance(0.5) ? { k: 'null' } : str(`https://kubernetes.default.svc:${r.int(443, 6443)}`)),
      block('namespaces', undefined, [attr('own_namespace', bool(r.chance(0.5))), attr('names', { k: 'arr', items: names })]),
    ];
    for (let i = r.int(1, 3); i > 0; i--) {
      body.push(block('selectors', undefined, [
        attr('role', str('pod')),
        attr('label', str(`app.kubernetes.io/name=${r.word()},tier in (${r.word()}, ${r.word()})`)),
        attr('field', str(`spec.nodeName=${r.word()}-${r.hex(6)}`)),
      ]));
    }
    return block('discovery.kubernetes', `k_${n}`, body);
  }

  private lokiProcess(n: number): Statement {
    const r = this.r;
    const stages: Statement[] = [
      block('stage.regex', undefined, [
        attr('expression', str(`^(?P<ts>\\S+)\\s+(?P<level>\\w+)\\s+\\[(?P<${r.word()}>[^\\]]+)\\]\\s+(?P<msg>.*)$`, true)),
      ]),
      block('stage.timestamp', undefined, [attr('source', str('ts')), attr('format', str('RFC3339Nano'))]),
      block('stage.template', undefined, [
        attr('source', str('msg')),
        attr('template', str(
          `{{ if eq .level "error" }}\n  ${r.words(4, 12)}: {{ .Value }}\n{{ else }}\n  {{ .Value | ToUpper }} ${r.words(2, 8)}\n{{ end }}`,
          true,
        )),
      ]),
      block('stage.static_labels', undefined, [attr('values', this.labels(1, 4))]),
      block('stage.match', undefined, [
        attr('selector', str(`{app="${r.word()}", env=~"${r.pick(ENVIRONMENTS)}|${r.pick(ENVIRONMENTS)}"}`)),
        attr('action', str('keep')),
        block('stage.drop', undefined, [
          attr('older_than', str('24h')),
          attr('longer_than', str(`${r.int(1, 64)}KiB`)),
          attr('drop_counter_reason', str(`too_${r.word()}`)),
        ]),
        block('stage.sampling', undefined, [attr('rate', { k: 'float', v: r.float(0, 1) })]),
      ]),
    ];
    if (r.chance(0.4)) {
      stages.push(block('stage.json', undefined, [
        attr('expressions', {
          k: 'obj', multiline: true,
          entries: [['level', str('')], ['trace_id', str('traceID')], ['user', str(`context.${r.word()}.id`)]],
        }),
      ]));
    }
    return block('loki.process', `p_${n}`, [
      attr('forward_to', { k: 'arr', items: [this.receiver('loki.write'), this.receiver('loki.write')] }),
      ...stages,
    ], `Log pipeline ${n}\nOwner: ${r.words(1, 2)}; ${r.words(4, 10)}.`);
  }

  private prometheusScrape(n: number): Statement {
    const r = this.r;
    const body: Statement[] = [
      attr('targets', { k: 'call', fn: 'concat', args: [{ k: 'arr', items: [int(1)] }, { k: 'arr', items: [int(2)] }] }),
      attr('forward_to', { k: 'arr', items: [this.receiver('prometheus.remote_write')] }),
      attr('job_name', { k: 'bin', op: '+', left: str(r.word()), right: str(`-${n}`) }),
      attr('honor_labels', bool(r.chance(0.5))),
      attr('sample_limit', { k: 'bin', op: '*', left: int(r.int(1, 100)), right: int(1000) }),
      attr('scrape_native_histograms', bool(false)),
      attr('native_histogram_bucket_limit', int(r.int(0, 160))),
      attr('native_histogram_min_bucket_factor', { k: 'float', v: r.float(1, 3) }),
      attr('target_limit', r.chance(0.5) ? { k: 'null' } : int(r.int(10, 10000))),
      attr('bearer_token', { k: 'call', fn: 'sys.env', args: [str('PROM_TOKEN')] }),
      block('clustering', undefined, [attr('enabled', bool(true))]),
    ];
    return block('prometheus.scrape', `s_${n}`, body);
  }
}

// ---------------------------------------------------------------------------------------
// Serialization

/** Escapes a string the same way for Alloy and JSON (both accept these escapes). */
function quote(s: string): string {
  let out = '"';
  for (const ch of s) {
    if (ch === '"') out += '\\"';
    else if (ch === '\\') out += '\\\\';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\t') out += '\\t';
    else out += ch;
  }
  return out + '"';
}

function alloyValue(v: Value, indent: string): string {
  switch (v.k) {
    case 'str': return v.raw ? `\`${v.v}\`` : quote(v.v);
    case 'int': case 'float': return String(v.v);
    case 'bool': return String(v.v);
    case 'null': return 'null';
    case 'ref': return v.path;
    case 'call': return `${v.fn}(${v.args.map((a) => alloyValue(a, indent)).join(', ')})`;
    case 'bin': return `${alloyValue(v.left, indent)} ${v.op} ${alloyValue(v.right, indent)}`;
    case 'arr': {
      if (!v.multiline) return `[${v.items.map((i) => alloyValue(i, indent)).join(', ')}]`;
      const inner = indent + '\t';
      return `[\n${v.items.map((i) => `${inner}${alloyValue(i, inner)},\n`).join('')}${indent}]`;
    }
    case 'obj': {
      const entry = ([key, value]: readonly [string, Value], ind: string): string =>
        `${quote(key)} = ${alloyValue(value, ind)}`;
      if (!v.multiline) return `{${v.entries.map((e) => entry(e, indent)).join(', ')}}`;
      const inner = indent + '\t';
      return `{\n${v.entries.map((e) => `${inner}${entry(e, inner)},\n`).join('')}${indent}}`;
    }
  }
}

function alloyComment(comment: string | undefined, indent: string): string {
  if (comment === undefined) return '';
  if (comment.includes('\n')) return `${indent}/*\n${comment.split('\n').map((l) => `${indent} * ${l}\n`).join('')}${indent} */\n`;
  return `${indent}// ${comment}\n`;
}

function alloyStatements(body: readonly Statement[], indent: string): string {
  let out = '';
  for (const s of body) {
    if (s.k === 'attr') {
      out += `${indent}${s.name} = ${alloyValue(s.value, indent)}${s.comment === undefined ? '' : ` // ${s.comment}`}\n`;
    } else {
      const label = s.label === undefined ? '' : ` ${quote(s.label)}`;
      out += `${alloyComment(s.comment, indent)}${indent}${s.name}${label} {\n${alloyStatements(s.body, indent + '\t')}${indent}}\n`;
    }
  }
  return out;
}

function jsonValue(v: Value, indent: string): string {
  switch (v.k) {
    case 'str': return quote(v.v);
    case 'int': case 'float': return String(v.v);
    case 'bool': return String(v.v);
    case 'null': return 'null';
    case 'ref': return quote(v.path);
    case 'call': return `{"$call": ${quote(v.fn)}, "args": [${v.args.map((a) => jsonValue(a, indent)).join(', ')}]}`;
    case 'bin': return `{"$op": ${quote(v.op)}, "args": [${jsonValue(v.left, indent)}, ${jsonValue(v.right, indent)}]}`;
    case 'arr': {
      if (!v.multiline) return `[${v.items.map((i) => jsonValue(i, indent)).join(', ')}]`;
      const inner = indent + '\t';
      return `[\n${v.items.map((i) => `${inner}${jsonValue(i, inner)}`).join(',\n')}\n${indent}]`;
    }
    case 'obj': {
      const entry = ([key, value]: readonly [string, Value], ind: string): string => `${quote(key)}: ${jsonValue(value, ind)}`;
      if (!v.multiline) return `{${v.entries.map((e) => entry(e, indent)).join(', ')}}`;
      const inner = indent + '\t';
      return `{\n${v.entries.map((e) => `${inner}${entry(e, inner)}`).join(',\n')}\n${indent}}`;
    }
  }
}

/** A block as a JSON object: attributes are keys, nested blocks are keys (arrays when repeated). */
function jsonBlock(s: Extract<Statement, { k: 'block' }>, indent: string, topLevel = false): string {
  const inner = indent + '\t';
  const members: string[] = [];
  if (topLevel) members.push(`${inner}"$block": ${quote(s.name)}`);
  if (s.label !== undefined) members.push(`${inner}"$label": ${quote(s.label)}`);
  const counts = new Map<string, number>();
  for (const c of s.body) if (c.k === 'block') counts.set(c.name, (counts.get(c.name) ?? 0) + 1);
  const done = new Set<string>();
  for (const c of s.body) {
    if (c.k === 'attr') {
      members.push(`${inner}${quote(c.name)}: ${jsonValue(c.value, inner)}`);
    } else if (counts.get(c.name) === 1) {
      members.push(`${inner}${quote(c.name)}: ${jsonBlock(c, inner)}`);
    } else if (!done.has(c.name)) {
      done.add(c.name);
      const inner2 = inner + '\t';
      const items = s.body.filter((x): x is typeof c => x.k === 'block' && x.name === c.name);
      members.push(`${inner}${quote(c.name)}: [\n${items.map((x) => `${inner2}${jsonBlock(x, inner2)}`).join(',\n')}\n${inner}]`);
    }
  }
  return `{\n${members.join(',\n')}\n${indent}}`;
}

// ---------------------------------------------------------------------------------------
// Public API

export interface GenerateOptions {
  /** Approximate size of the Alloy text in UTF-8 bytes; generation stops once it is reached. */
  readonly targetBytes?: number;
  readonly seed?: number;
}

export interface GeneratedText {
  readonly text: string;
  /** UTF-8 size of `text`. */
  readonly bytes: number;
  /** Top-level blocks (Alloy) or top-level array elements (JSON). */
  readonly blocks: number;
}

export const DEFAULT_TARGET_BYTES = 5 * 1024 * 1024;
export const DEFAULT_SEED = 0x1a110;

/** Generates both texts from one model: the Alloy configuration and its JSON mirror. */
export function generateConfigPair(options: GenerateOptions = {}): { alloy: GeneratedText; json: GeneratedText } {
  const target = options.targetBytes ?? DEFAULT_TARGET_BYTES;
  const gen = new ModelGenerator(new Random(options.seed ?? DEFAULT_SEED));
  const alloyChunks: string[] = ['// Generated by packages/syntax/bench/generate-config.ts; do not edit.\n'];
  const jsonChunks: string[] = [];
  let alloyBytes = Buffer.byteLength(alloyChunks[0]!);
  let jsonBytes = 5; // "[\n" and "\n]\n"
  let blocks = 0;
  while (alloyBytes < target) {
    const statement = gen.topLevel(blocks);
    if (statement.k !== 'block') throw new Error('top-level statements are blocks');
    const alloy = (blocks === 0 ? '' : '\n') + alloyStatements([statement], '');
    const json = (blocks === 0 ? '\t' : ',\n\t') + jsonBlock(statement, '\t', true);
    alloyChunks.push(alloy);
    jsonChunks.push(json);
    alloyBytes += Buffer.byteLength(alloy);
    jsonBytes += Buffer.byteLength(json);
    blocks++;
  }
  return {
    alloy: { text: alloyChunks.join(''), bytes: alloyBytes, blocks },
    json: { text: `[\n${jsonChunks.join('')}\n]\n`, bytes: jsonBytes, blocks },
  };
}

/** A realistic Alloy configuration of about `targetBytes` bytes; the same seed gives the same text. */
export function generateAlloyConfig(options: GenerateOptions = {}): GeneratedText {
  return generateConfigPair(options).alloy;
}

/** The JSON mirror of `generateAlloyConfig` with the same options: same structure, strings and numbers. */
export function generateJsonDocument(options: GenerateOptions = {}): GeneratedText {
  return generateConfigPair(options).json;
}
