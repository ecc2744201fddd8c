import { Counter, Gauge, type Registry } from 'prom-client';

/**
 * The config-load metrics of spec §2.6, under upstream's names. Unlike upstream (its quirk
 * 2.6-2), a load counts as successful only when the whole config was applied without an
 * error, and the hash is that of the config in force: a rejected config leaves both as
 * they were. Every failed attempt, whatever failed, counts as a failure.
 */
export class ConfigMetrics {
  readonly #hash: Gauge<'sha256' | 'cluster_name'>;
  readonly #successful: Gauge;
  readonly #successTime: Gauge;
  readonly #failures: Counter;
  readonly #clusterName: string;

  constructor(registry: Registry, clusterName: string) {
    this.#clusterName = clusterName;
    this.#hash = new Gauge({
      name: 'alloy_config_hash',
      help: 'Hash of the currently active config file.',
      labelNames: ['sha256', 'cluster_name'],
      registers: [registry],
    });
    this.#successful = new Gauge({
      name: 'alloy_config_last_load_successful',
      help: 'Config loaded successfully.',
      registers: [registry],
    });
    this.#successTime = new Gauge({
      name: 'alloy_config_last_load_success_timestamp_seconds',
      help: 'Timestamp of the last successful configuration load.',
      registers: [registry],
    });
    this.#failures = new Counter({
      name: 'alloy_config_load_failures_total',
      help: 'Configuration load failures.',
      registers: [registry],
    });
  }

  /** The config with this hash is now in force; `clean` when it applied without errors. */
  applied(hash: string, clean: boolean): void {
    this.#hash.reset();
    this.#hash.set({ sha256: hash, cluster_name: this.#clusterName }, 1);
    this.#record(clean);
  }

  /** A config that could not be read, parsed or planned: what is in force stays. */
  rejected(): void {
    this.#record(false);
  }

  #record(success: boolean): void {
    this.#successful.set(success ? 1 : 0);
    if (success) this.#successTime.set(Date.now() / 1000);
    else this.#failures.inc();
  }
}
