/**
 * `ingot demo`: what `npm start` shows until there is a pipeline to run. Formats an
 * embedded, badly formatted pyroscope pipeline, renders the diagnostics of a broken one and
 * evaluates a few expressions.
 */
import {
  createStdlib,
  evaluate,
  format,
  parseExpression,
  parseFile,
  printValue,
  renderDiagnostics,
  shouldUseColor,
  type Scope,
} from '@ingot/syntax';
import type { Io } from '../io.js';

export interface DemoOptions {
  /** False when `--no-color` was given. */
  readonly color?: boolean;
}

/** A realistic scrape → write pipeline, written carelessly. */
export const SAMPLE_NAME = 'profiles.alloy';
export const SAMPLE = `// Scrape the Go services' pprof endpoints and push the profiles to Pyroscope.
pyroscope.scrape "services"{
targets=[
{"__address__"="checkout:6060","service_name"="checkout"},
      {"__address__" = "payments:6060", "service_name"="payments"},
  ]
  forward_to = [pyroscope.write.cloud.receiver]
    scrape_interval="15s"
scrape_timeout = "18s"
profiling_config {
    profile.process_cpu {
   enabled=true
    }
profile.goroutine {
enabled = true
}
  profile.memory {
    enabled = false // too noisy for now
  }
}
}
pyroscope.write "cloud" {
endpoint {
url = "https://profiles-prod-001.grafana.net"
  basic_auth {
   username = sys.env("PYROSCOPE_USER")
password = sys.env("PYROSCOPE_TOKEN")
  }
}
  external_labels = {
  "env"="production",
        "region" = "eu-west-1",
  }
}
`;

/** A scrape whose interval lacks its quotes: a duration is a string in Alloy. */
export const BROKEN_NAME = 'broken.alloy';
export const BROKEN = `pyroscope.scrape "default" {
\ttargets         = [{"__address__" = "localhost:4040", "service_name" = "checkout"}]
\tforward_to      = [pyroscope.write.cloud.receiver]
\tscrape_interval = 15s
}
`;

export function demo(options: DemoOptions, io: Io): number {
  const color = shouldUseColor({ isTTY: io.stdout.isTTY, env: io.env, noColorFlag: options.color === false });
  const out = (text = ''): void => {
    io.stdout.write(`${text}\n`);
  };
  const section = (title: string): void => {
    out();
    out(`── ${title} ${'─'.repeat(Math.max(3, 72 - title.length))}`);
    out();
  };

  out('Ingot: a TypeScript runtime for Grafana Alloy configuration files.');
  out('There is no pipeline to run yet; here is what the language support can do today.');

  section(`${SAMPLE_NAME}, as written`);
  io.stdout.write(SAMPLE);

  const sample = parseFile(SAMPLE, { filename: SAMPLE_NAME });
  if (sample.diagnostics.length > 0) {
    // The sample is valid Alloy: this is a parser bug, not part of the show.
    io.stderr.write(renderDiagnostics(sample.diagnostics, { [SAMPLE_NAME]: SAMPLE }, { color }));
    return 1;
  }
  section(`${SAMPLE_NAME}, after \`ingot fmt\``);
  out(format(sample.file));

  section(`${BROKEN_NAME}, and what \`ingot fmt\` says about it`);
  io.stdout.write(BROKEN);
  out();
  const broken = parseFile(BROKEN, { filename: BROKEN_NAME });
  io.stdout.write(renderDiagnostics(broken.diagnostics, { [BROKEN_NAME]: BROKEN }, { color }));

  section('expressions, as `ingot eval` evaluates them');
  const stdlib = createStdlib({ environment: { PYROSCOPE_USER: 'ops' } });
  const scope: Scope = { lookup: (name) => stdlib.get(name) };
  for (const source of EXPRESSIONS) {
    const result = evaluate(parseExpression(source).expression, scope);
    const shown = result.ok ? printValue(result.value) : `error: ${result.diagnostic.message}`;
    out(source);
    out(shown.replace(/^/gm, '    '));
  }

  out();
  out('Try it on your own files: ingot validate config.alloy, ingot run config.alloy, ingot fmt config.alloy, ingot eval EXPR (or --help).');
  return 0;
}

/** A few expressions a configuration might hold; sys.env reads a made-up environment. */
const EXPRESSIONS = [
  'string.format("%s:%d", "checkout", 6060)',
  'coalesce(sys.env("PYROSCOPE_REGION"), "eu-west-1")',
  'array.concat(["a:6060"], ["b:6060"])[1]',
  '{user = sys.env("PYROSCOPE_USER"), retries = 2 ^ 3}',
  '"timeout: " + 15',
];
