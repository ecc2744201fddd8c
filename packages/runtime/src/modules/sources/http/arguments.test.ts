import { describe, expect, it } from 'vitest';
import { decodeHttp, httpArguments } from './test-support/harness.js';

describe('import.http arguments', () => {
  it('has upstream\'s defaults', () => {
    expect(httpArguments('url = "http://h/m.alloy"')).toEqual({
      url: 'http://h/m.alloy',
      poll_frequency: 60_000,
      poll_timeout: 10_000,
      method: 'GET',
      headers: {},
    });
  });

  it('requires url', () => {
    expect(decodeHttp('method = "POST"')).toEqual({
      ok: false,
      errors: ['config.alloy:1:1: missing required attribute "url"'],
    });
  });

  it('decodes the client subset, follow_redirects defaulting to true', () => {
    const args = httpArguments(
      'url = "u"\nclient {\n bearer_token = "t"\n tls_config {\n  ca_file = "/ca"\n  server_name = "s"\n }\n}',
    );
    expect(args.client?.follow_redirects).toBe(true);
    expect(args.client?.tls_config).toEqual({ ca_file: '/ca', server_name: 's', insecure_skip_verify: false });
    expect(args.client?.bearer_token?.reveal()).toBe('t');
  });

  const refusals = [
    ['a zero poll_frequency', 'poll_frequency = "0s"', 'poll_frequency must be greater than 0'],
    ['a zero poll_timeout', 'poll_timeout = "0s"', 'poll_timeout must be greater than 0'],
    [
      'two authentications',
      'client {\n bearer_token = "t"\n basic_auth {\n  username = "u"\n }\n}',
      'at most one of basic_auth, authorization, oauth2, bearer_token & bearer_token_file must be configured',
    ],
    [
      'authorization of type basic',
      'client {\n authorization {\n  type = " Basic "\n }\n}',
      'authorization type cannot be set to "basic", use "basic_auth" block instead',
    ],
    [
      'both CA forms',
      'client {\n tls_config {\n  ca_pem = "x"\n  ca_file = "y"\n }\n}',
      'at most one of ca_pem and ca_file must be configured',
    ],
  ] as const;
  it.each(refusals)('refuses %s', (_, body, message) => {
    const result = decodeHttp(`url = "u"\n${body}`);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors.join('\n')).toContain(message);
  });

  it('allows a poll_timeout beyond poll_frequency, as upstream import.http does', () => {
    expect(decodeHttp('url = "u"\npoll_frequency = "1s"').ok).toBe(true);
  });
});
