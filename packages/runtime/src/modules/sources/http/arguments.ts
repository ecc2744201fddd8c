/**
 * What `import.http` accepts (upstream internal/runtime/internal/importsource/import_http.go,
 * whose fields are those of `remote.http` without `is_secret`; spec §4.7).
 */
import { attr, block, child, t, type Decoded } from '@ingot/syntax';
import { Client } from './client.js';

export const Arguments = block({
  fields: {
    url: attr(t.string, { doc: 'URL to poll.' }),
    poll_frequency: attr(t.duration, { default: 60_000, doc: 'Frequency to poll the URL.' }),
    poll_timeout: attr(t.duration, { default: 10_000, doc: 'Timeout when polling the URL.' }),
    method: attr(t.string, { default: 'GET', doc: 'Define the HTTP method for the request.' }),
    headers: attr(t.map(t.string), { default: {}, doc: 'Custom headers for the request.' }),
    body: attr(t.string, { optional: true, doc: 'The request body.' }),
    client: child(Client, { optional: true, doc: 'HTTP client settings when connecting to the endpoint.' }),
  },
  // Upstream's import.http skips remote.http's validation, so a zero frequency polls in a
  // busy loop there and a zero timeout fails every poll. Both are refused here, in
  // remote.http's words; `poll_timeout >= poll_frequency`, which remote.http also refuses,
  // stays allowed, as import.http allows it.
  validate: ({ poll_frequency, poll_timeout }) => {
    if (poll_frequency <= 0) return 'poll_frequency must be greater than 0';
    if (poll_timeout <= 0) return 'poll_timeout must be greater than 0';
    return undefined;
  },
});

export type HttpArguments = Decoded<typeof Arguments>;
