/**
 * The worked example of the spec (§5.8) as an Ingot schema: a component with retries and
 * labelled endpoints, each with optional basic auth. Shared by the schema tests.
 */
import { attr, block, child, children } from '../../src/schema/schema.js';
import { t } from '../../src/schema/types.js';

export const BasicAuth = block({
  doc: 'Credentials for HTTP basic authentication.',
  fields: {
    username: attr(t.string, { doc: 'The user name.' }),
    password: attr(t.secret, { optional: true, doc: 'The password.' }),
  },
});

export const Endpoint = block({
  doc: 'Where to send data.',
  label: 'name',
  fields: {
    url: attr(t.string, { doc: 'The URL to send data to.' }),
    timeout: attr(t.duration, { default: 30_000, doc: 'How long a request may take.' }),
    headers: attr(t.map(t.string), { optional: true, doc: 'Extra HTTP headers.' }),
    basic_auth: child(BasicAuth, { optional: true }),
  },
});

export const Arguments = block({
  fields: {
    max_retries: attr(t.uint8, { default: 3, doc: 'How often to retry a failed request.' }),
    endpoint: children(Endpoint),
  },
});

export const EXAMPLE = `max_retries = 5
endpoint "primary" {
  url     = "http://a:9009"
  timeout = "10s"
  headers = { "X-Scope" = "t1" }
  basic_auth {
    username = "u"
    password = "p"
  }
}
endpoint "backup" {
  url = "http://b:9009"
}
`;
