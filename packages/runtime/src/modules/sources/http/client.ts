/**
 * The `client` block of `import.http`: a small subset of upstream's shared HTTP client
 * options (internal/component/common/config/types.go, `HTTPClientConfig`), worded as
 * upstream. Only `bearer_token`, `basic_auth`, `authorization`, `tls_config` (CA, server
 * name, skipping verification) and `follow_redirects` exist so far; `oauth2`, the `*_file`
 * credentials, proxies, client certificates, `enable_http2` and `http_headers` come with the
 * shared HTTP client package, which should replace this file.
 */
import { readFile } from 'node:fs/promises';
import { attr, block, child, t, type Decoded } from '@ingot/syntax';
import { osErrorMessage } from '../../../os-error.js';

const BasicAuth = block({
  fields: {
    username: attr(t.string, { optional: true, doc: 'Basic auth username.' }),
    password: attr(t.secret, { optional: true, doc: 'Basic auth password.' }),
  },
});

const Authorization = block({
  fields: {
    type: attr(t.string, { optional: true, doc: 'Authorization type, for example, "Bearer".' }),
    credentials: attr(t.secret, { optional: true, doc: 'Secret value.' }),
  },
  validate: ({ type }) =>
    type?.trim().toLowerCase() === 'basic'
      ? 'authorization type cannot be set to "basic", use "basic_auth" block instead'
      : undefined,
});

const TlsConfig = block({
  fields: {
    ca_pem: attr(t.string, { optional: true, doc: 'CA PEM-encoded text to validate the server with.' }),
    ca_file: attr(t.string, { optional: true, doc: 'CA certificate to validate the server with.' }),
    server_name: attr(t.string, { optional: true, doc: 'ServerName extension to indicate the name of the server.' }),
    insecure_skip_verify: attr(t.bool, { default: false, doc: 'Disables validation of the server certificate.' }),
  },
  validate: ({ ca_pem, ca_file }) =>
    nonEmpty(ca_pem) && nonEmpty(ca_file) ? 'at most one of ca_pem and ca_file must be configured' : undefined,
});

export const Client = block({
  fields: {
    basic_auth: child(BasicAuth, { optional: true, doc: 'Configure basic_auth for authenticating to the endpoint.' }),
    authorization: child(Authorization, { optional: true, doc: 'Configure generic authorization to the endpoint.' }),
    bearer_token: attr(t.secret, { optional: true, doc: 'Bearer token to authenticate with.' }),
    tls_config: child(TlsConfig, { optional: true, doc: 'Configure TLS settings for connecting to the endpoint.' }),
    follow_redirects: attr(t.bool, { default: true, doc: 'Whether redirects returned by the server should be followed.' }),
  },
  validate: (client) => {
    const methods = [client.basic_auth, client.authorization, nonEmpty(client.bearer_token?.reveal()) || undefined];
    return methods.filter((method) => method !== undefined).length > 1
      ? 'at most one of basic_auth, authorization, oauth2, bearer_token & bearer_token_file must be configured'
      : undefined;
  },
});

export type ClientArguments = Decoded<typeof Client>;

/** The client as one request uses it. */
export interface ClientSettings {
  /** The `Authorization` header value, if any. */
  readonly authorization?: string;
  readonly tls: { readonly ca?: string; readonly servername?: string; readonly rejectUnauthorized: boolean };
  readonly followRedirects: boolean;
}

/** Settings for the next request; `ca_file` is read each time, so a rotated CA is picked up. */
export async function clientSettings(client: ClientArguments | undefined): Promise<ClientSettings> {
  const tls = client?.tls_config;
  let ca = nonEmpty(tls?.ca_pem) ? tls?.ca_pem : undefined;
  const caFile = tls?.ca_file ?? '';
  if (caFile !== '') {
    try {
      ca = await readFile(caFile, 'utf8');
    } catch (error) {
      throw new Error(`unable to load specified CA cert ${caFile}: ${osErrorMessage(error, caFile)}`);
    }
  }
  return {
    authorization: authorizationOf(client),
    tls: {
      ...(ca === undefined ? {} : { ca }),
      ...(nonEmpty(tls?.server_name) ? { servername: tls?.server_name } : {}),
      rejectUnauthorized: tls?.insecure_skip_verify !== true,
    },
    followRedirects: client?.follow_redirects ?? true,
  };
}

/** As Prometheus builds it: a bearer token is an `authorization` of type `Bearer`. */
function authorizationOf(client: ClientArguments | undefined): string | undefined {
  if (client === undefined) return undefined;
  if (client.basic_auth !== undefined) {
    const { username = '', password } = client.basic_auth;
    return `Basic ${Buffer.from(`${username}:${password?.reveal() ?? ''}`).toString('base64')}`;
  }
  if (client.authorization !== undefined) {
    const type = client.authorization.type?.trim() || 'Bearer';
    return `${type} ${client.authorization.credentials?.reveal() ?? ''}`;
  }
  const token = client.bearer_token?.reveal() ?? '';
  return token === '' ? undefined : `Bearer ${token}`;
}

function nonEmpty(text: string | undefined): boolean {
  return text !== undefined && text !== '';
}
